/**
 * 港口吞吐量 (port-throughput): inland ports, their monthly statistics and waterway projects, for
 * bureaus such as Shaoxing and Zhuji (店口港 opened in 2023).
 *
 * <p><b>Facilities.</b> {@link cn.jiaoyun.plugins.port.Ports}: ports (with 开港日期), operating areas
 * (作业区/港区) and berths (吨级, design capacity 万吨/年 and TEU/年, status) in {@code pt_port},
 * {@code pt_area}, {@code pt_berth}; imported by the {@code berths} importer.
 *
 * <p><b>Monthly statistics.</b> {@link cn.jiaoyun.plugins.port.MonthlyStatistics}: throughput per
 * area × month × cargo class ({@link cn.jiaoyun.plugins.port.CargoClass}) × direction in 万吨, TEU on
 * container lines ({@code pt_throughput}); the bureau's water freight, ton-km and road-to-water
 * shift ({@code pt_water_transport}). The {@code monthly-statistics} importer reads .xlsx or .csv
 * through {@link cn.jiaoyun.plugins.port.Tables} and {@link cn.jiaoyun.plugins.port.Columns}, all or
 * nothing; {@link cn.jiaoyun.plugins.port.StatisticsWorkbook} writes the same layout back.
 *
 * <p><b>Figures.</b> {@link cn.jiaoyun.plugins.port.Summary} decides which months are known (every
 * expected area reported) and builds the month's report; {@link cn.jiaoyun.plugins.port.YearOnYear}
 * is the pure year-to-date and year-on-year arithmetic (unknown months stay unknown);
 * {@link cn.jiaoyun.plugins.port.Indicators} publishes {@code port.*} to the core catalog after
 * every write, null for unknown months.
 *
 * <p><b>Projects.</b> {@link cn.jiaoyun.plugins.port.Projects}: berth and channel projects with
 * investment and monthly progress ({@code pt_project}, {@code pt_project_progress}).
 *
 * <p><b>Pages.</b> {@code OverviewView} (港口统计), {@code PortsView}, {@code StatisticsView},
 * {@code ProjectsView} call the services of their running instance through
 * {@link cn.jiaoyun.plugins.port.PortServices}; they touch no SQL. Everything is bound to the
 * caller's bureau by the host's row-level security.
 */
package cn.jiaoyun.plugins.port;
