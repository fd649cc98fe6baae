/**
 * The year's assessment pages: work lists and their import, an item with its targets marked in
 * its text, monthly progress, supervisors' reviews and deductions, the units' ranking.
 */
package cn.jiaoyun.ui.views.assessment;
