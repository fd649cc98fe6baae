/**
 * A bureau's monthly figures (月度指标): the year's sheet through a month with year to date, last
 * year, year on year and completion of the targets; entry of months and targets, the workbook
 * out and in, and the bureau's standing in its city. Calls the indicator services of the core
 * (BureauFigures, RegionalComparison) only.
 */
package cn.jiaoyun.ui.views.figures;
