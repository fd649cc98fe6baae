package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.DashboardCard;
import cn.jiaoyun.plugin.api.Endpoint;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.JiaoyunModule;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleRequest;
import cn.jiaoyun.plugin.api.ModuleResponse;
import cn.jiaoyun.plugin.api.ViewContribution;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 港口吞吐量: inland ports with their operating areas and berths, the monthly port statistics
 * (throughput by cargo class and direction, TEU, water freight, ton-km, road-to-water shift)
 * with year-to-date and year-on-year figures, berth and channel projects, and the indicators
 * that feed the bureaus' targets.
 *
 * <p>Endpoints under {@code /api/modules/port-throughput}: {@code GET /ports} (ports with areas
 * and berths), {@code GET /ports/{id}}, and for administrators {@code POST /ports},
 * {@code PUT /ports/{id}}, {@code POST /ports/{id}/areas}, {@code POST /areas/{id}/berths},
 * {@code PUT /berths/{id}}; {@code GET|PUT /statistics/{year}/{month}} (reporters and
 * administrators write), {@code GET /statistics/template.xlsx}, {@code GET /statistics/{year}.xlsx};
 * {@code GET /summary/{year}/{month}}; {@code GET /projects}, {@code GET /projects/{id}},
 * {@code POST /projects} (administrators), {@code POST /projects/{id}/progress}. Importers:
 * {@code berths}, {@code monthly-statistics}, {@code projects} (.xlsx or .csv).
 */
@Extension
public class PortModule implements JiaoyunModule {

    static final String ADMIN = "BUREAU_ADMIN";
    static final String REPORTER = "REPORTER";
    private static final Set<String> FILES = Set.of("xlsx", "csv");

    private ModuleContext context;
    private PortServices services;

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        this.services = PortServices.start(context);
    }

    @Override
    public void stop() {
        if (context != null) {
            PortServices.stop(context);
        }
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return Indicators.DEFINITIONS;
    }

    @Override
    public List<ViewContribution> views() {
        return List.of(
                ViewContribution.page("overview", OverviewView.class, "港口统计", "Port statistics", "BAR_CHART"),
                ViewContribution.page("ports", PortsView.class, "港口与泊位", "Ports and berths", "ANCHOR"),
                ViewContribution.page("statistics", StatisticsView.class, "月度统计填报", "Monthly statistics", "TABLE"),
                ViewContribution.page("projects", ProjectsView.class, "港航建设项目", "Port and channel projects", "BUILDING"));
    }

    @Override
    public List<DashboardCard> dashboardCards() {
        return List.of(new DashboardCard("ytd-throughput", "本年累计港口吞吐量", "Port throughput this year", bureau -> {
            YearMonth latest = services.statistics.months(bureau).stream().findFirst().orElse(null);
            if (latest == null) {
                return new DashboardCard.Value("—", "尚无月度统计", "no monthly statistics yet", "statistics");
            }
            Map<YearMonth, Summary.MonthFigures> figures = services.summary.figures(bureau, latest.withMonth(1), latest);
            YearOnYear.Figure f = YearOnYear.of(m -> figures.containsKey(m) ? figures.get(m).values().get(Summary.THROUGHPUT)
                    : null, latest);
            String caption = "1-" + latest.getMonthValue() + "月（" + latest.getYear() + "年）";
            return new DashboardCard.Value(f.yearToDate() == null ? "数据不全" : Ui.amount(f.yearToDate()) + " 万吨",
                    caption, latest.getYear() + " Jan–" + latest.getMonth(), "overview");
        }));
    }

    @Override
    public List<Importer> importers() {
        return List.of(
                new Importer("berths", "港口、作业区与泊位", "Ports, areas and berths", FILES, Set.of(ADMIN),
                        (r, name, in) -> services.importBerths(r.bureau(), name, in, r::text)),
                new Importer("monthly-statistics", "月度港口统计", "Monthly port statistics", FILES, Set.of(ADMIN, REPORTER),
                        (r, name, in) -> services.importStatistics(r.bureau(), name, in, r::text)),
                new Importer("projects", "港航建设项目", "Port and channel projects", FILES, Set.of(ADMIN),
                        (r, name, in) -> services.projects.importFile(r.bureau(), Tables.read(name, in), r::text)));
    }

    @Override
    public List<Endpoint> endpoints() {
        Ports ports = services.ports;
        return List.of(
                Endpoint.get("/ports", r -> ModuleResponse.ok(ports.list(r.bureau()))),
                Endpoint.get("/ports/{id}", r -> ModuleResponse.ok(ports.get(r.bureau(), id(r)))),
                Endpoint.post("/ports", r -> ModuleResponse.created(Map.of("id", ports.createPort(r.bureau(), r.json()))))
                        .forRoles(ADMIN),
                Endpoint.put("/ports/{id}", r -> {
                    Ports.Port p = ports.updatePort(r.bureau(), id(r), r.json());
                    services.republishAll(r.bureau());
                    return ModuleResponse.ok(p);
                }).forRoles(ADMIN),
                Endpoint.post("/ports/{id}/areas", r -> {
                    long area = ports.createArea(r.bureau(), id(r), r.json());
                    services.republishAll(r.bureau());
                    return ModuleResponse.created(Map.of("id", area));
                }).forRoles(ADMIN),
                Endpoint.post("/areas/{id}/berths", r -> ModuleResponse.created(Map.of("id",
                        ports.createBerth(r.bureau(), id(r), r.json())))).forRoles(ADMIN),
                Endpoint.put("/berths/{id}", r -> ModuleResponse.ok(ports.updateBerth(r.bureau(), id(r), r.json())))
                        .forRoles(ADMIN),
                Endpoint.get("/statistics/template.xlsx", r -> ModuleResponse.file(StatisticsWorkbook.CONTENT_TYPE,
                        "港口月度统计模板.xlsx", services.workbook.template())),
                Endpoint.get("/statistics/{file}", r -> {
                    String file = r.pathParameter("file");
                    if (!file.matches("\\d{4}\\.xlsx")) {
                        throw ModuleProblem.notFound("导出地址应为 /statistics/2023.xlsx", "Export is /statistics/2023.xlsx");
                    }
                    int year = year(file.substring(0, 4));
                    return ModuleResponse.file(StatisticsWorkbook.CONTENT_TYPE, "港口月度统计-" + year + ".xlsx",
                            services.workbook.export(r.bureau(), year));
                }),
                Endpoint.get("/statistics/{year}/{month}", r -> ModuleResponse.ok(services.statistics.month(r.bureau(), month(r)))),
                Endpoint.put("/statistics/{year}/{month}", r -> ModuleResponse.ok(services.putMonth(r.bureau(), month(r), r.json())))
                        .forRoles(ADMIN, REPORTER),
                Endpoint.get("/summary/{year}/{month}", r -> ModuleResponse.ok(services.summary.report(r.bureau(), month(r), r::text))),
                Endpoint.get("/projects", r -> ModuleResponse.ok(services.projects.list(r.bureau()))),
                Endpoint.get("/projects/{id}", r -> ModuleResponse.ok(services.projects.get(r.bureau(), id(r)))),
                Endpoint.post("/projects", r -> ModuleResponse.created(Map.of("id", services.projects.create(r.bureau(), r.json()))))
                        .forRoles(ADMIN),
                Endpoint.post("/projects/{id}/progress", r -> ModuleResponse.ok(services.projects.progress(r.bureau(), id(r), r.json())))
                        .forRoles(ADMIN, REPORTER));
    }

    private static YearMonth month(ModuleRequest r) {
        int year = year(r.pathParameter("year"));
        try {
            int month = Integer.parseInt(r.pathParameter("month"));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(year, month);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ModuleProblem.badInput("month", "月份应为 1 至 12", "month is 1 to 12");
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text);
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ModuleProblem.badInput("year", "年份应为 2000 至 2100 之间的四位数", "year is between 2000 and 2100");
    }

    private static long id(ModuleRequest r) {
        try {
            return Long.parseLong(r.pathParameter("id"));
        } catch (NumberFormatException e) {
            throw ModuleProblem.notFound("没有编号为 " + r.pathParameter("id") + " 的记录", "No record " + r.pathParameter("id"));
        }
    }
}
