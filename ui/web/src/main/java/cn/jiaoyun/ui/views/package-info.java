/**
 * The pages: login, the main layout with its menu, the bureau's home dashboard, its units,
 * administration for bureau and platform administrators, and the error pages. Views call
 * platform services only.
 */
package cn.jiaoyun.ui.views;
