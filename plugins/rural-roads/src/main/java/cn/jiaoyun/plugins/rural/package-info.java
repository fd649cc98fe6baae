/**
 * 四好农村路 ("four good" rural roads), a plugin module. It keeps a bureau's rural road network and
 * its work on it, and publishes the figures that plans and summaries quote.
 *
 * <p>Network: {@link cn.jiaoyun.plugins.rural.Network} holds segments (route code, class 县道/乡道/
 * 村道, technical grade including 等外, km, surface, town) and their condition inspections (优 良 中
 * 次 差, MQI, PQI); {@link cn.jiaoyun.plugins.rural.GoodRoadRate} turns inspections into the
 * km-weighted good-road rate of a period, each segment by its latest inspection.
 *
 * <p>Projects: {@link cn.jiaoyun.plugins.rural.Projects} holds the year's projects by kind and their
 * monthly reports (km and 万元 in the month); a project's completed figures are the sums of its
 * months. {@link cn.jiaoyun.plugins.rural.MonthlyStatistics} imports and exports the monthly
 * statistics workbook, all or nothing, reading it through {@code Sheet} and {@code RowCheck};
 * {@code RegisterImport} applies the same rules to the registers' spreadsheets
 * ({@code RegisterImports}: network, survey, towns, bay stops, logistics points).
 *
 * <p>Registers: {@link cn.jiaoyun.plugins.rural.Towns} (demonstration towns with their steps and
 * criteria checklist) and {@link cn.jiaoyun.plugins.rural.Facilities} (bay stops, logistics
 * service points).
 *
 * <p>Figures: {@link cn.jiaoyun.plugins.rural.Indicators} computes every indicator month by month
 * from the tables above and publishes them (each indicator's rule is in its Javadoc);
 * {@link cn.jiaoyun.plugins.rural.YearToDate} is the pure year-to-date and year-on-year arithmetic,
 * where a month without a figure is unknown; {@link cn.jiaoyun.plugins.rural.Summary} assembles a
 * month's summary for the API and the overview page.
 *
 * <p>Pages ({@code *View}) use the services of the running instance through
 * {@link cn.jiaoyun.plugins.rural.RuralServices}, never SQL; the services touch only the module's
 * own tables, always through {@link cn.jiaoyun.plugin.api.ModuleData} bound to the caller's bureau,
 * so row-level security keeps bureaus apart. {@link cn.jiaoyun.plugins.rural.RuralRoadsModule}
 * wires endpoints, importer, pages, the home card and the indicator catalog.
 */
package cn.jiaoyun.plugins.rural;
