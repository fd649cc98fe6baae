/**
 * Pages for regional analysts, platform accounts that belong to no bureau: the comparison of the
 * county-level bureaus of their region on a published indicator (table, chart, exports). They
 * read through RegionalComparison, whose regional transaction the database confines to the
 * region; they change nothing.
 */
package cn.jiaoyun.ui.views.region;
