package cn.jiaoyun.plugins.rural;

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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 四好农村路: the rural road network and its inspections, the year's projects with their monthly
 * reports, demonstration towns with their criteria, bay stops and logistics points, the monthly
 * statistics workbook (import and export), the month's summary, pages, and the indicators that
 * feed work-list targets (see {@link Indicators} for each indicator's rule).
 */
@Extension
public class RuralRoadsModule implements JiaoyunModule {

    static final String ADMIN = "BUREAU_ADMIN";
    static final String SUPERVISOR = "SUPERVISOR";
    static final String REPORTER = "REPORTER";

    private ModuleContext context;
    private RuralServices services;

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        this.services = RuralServices.start(context);
    }

    @Override
    public void stop() {
        if (context != null) {
            RuralServices.stop(context);
        }
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return Indicators.DEFINITIONS;
    }

    @Override
    public List<ViewContribution> views() {
        return List.of(
                ViewContribution.page("overview", OverviewView.class, "四好农村路", "Rural roads", "ROAD"),
                ViewContribution.page("projects", ProjectsView.class, "农村公路项目", "Rural road projects", "CLIPBOARD_TEXT"),
                ViewContribution.page("towns", TownsView.class, "示范乡镇创建", "Demonstration towns", "FLAG"),
                ViewContribution.page("facilities", FacilitiesView.class, "停靠站与物流点", "Bay stops and logistics", "BUS"),
                ViewContribution.page("inspections", InspectionsView.class, "路况检测", "Road inspections", "CLIPBOARD_CHECK"),
                ViewContribution.page("statistics", StatisticsView.class, "农村公路月度统计", "Monthly statistics", "UPLOAD"));
    }

    @Override
    public List<Importer> importers() {
        List<Importer> importers = new java.util.ArrayList<>();
        importers.add(new Importer(MonthlyStatistics.IMPORTER, "农村公路月度统计", "Rural road monthly statistics",
                Set.of("xlsx", "csv"), Set.of(ADMIN, REPORTER),
                (r, fileName, in) -> services.importStatistics(r.bureau(), fileName, in).outcome()));
        for (RegisterImports.Register register : RegisterImports.ALL) {
            importers.add(new Importer(register.name(), register.titleZh(), register.titleEn(), Set.of("xlsx", "csv"),
                    register.adminOnly() ? Set.of(ADMIN) : Set.of(ADMIN, REPORTER),
                    (r, fileName, in) -> services.importRegister(register.register(), r.bureau(), fileName, in)));
        }
        return List.copyOf(importers);
    }

    @Override
    public List<DashboardCard> dashboardCards() {
        // the year of the latest report: early in a year, or for a bureau that reports late, that is last year's
        return List.of(new DashboardCard("km-repaired", "农村公路大中修", "Rural road major repair", bureau -> {
            int year = services.projects.latestReport(bureau).orElse(services.currentMonth()).getYear();
            BigDecimal km = services.projects.byKind(bureau, year).stream()
                    .filter(k -> "MAJOR_REPAIR".equals(k.kind())).map(Projects.KindTotal::completedKm)
                    .findFirst().orElse(BigDecimal.ZERO);
            return new DashboardCard.Value(Ui.km(km) + " 公里", year + "年大中修项目已完成里程",
                    "km of major repair completed by " + year + "'s projects", "overview");
        }));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/segments", r -> ModuleResponse.ok(services.network.segments(r.bureau()))),
                Endpoint.post("/segments", r -> ModuleResponse.created(Map.of("id",
                        services.network.createSegment(r.bureau(), r.json())))).forRoles(ADMIN),
                Endpoint.get("/projects", r -> ModuleResponse.ok(services.projects.list(r.bureau(), year(r)))),
                Endpoint.get("/project-kinds", r -> ModuleResponse.ok(services.projects.byKind(r.bureau(), year(r)))),
                Endpoint.get("/projects/{id}", r -> ModuleResponse.ok(services.projects.get(r.bureau(), id(r, "id")))),
                Endpoint.post("/projects", r -> ModuleResponse.created(Map.of("id",
                        services.projects.create(r.bureau(), r.json())))).forRoles(ADMIN),
                Endpoint.put("/projects/{id}/progress", r -> {
                    long id = id(r, "id");
                    services.published(r.bureau(), services.projects.progress(r.bureau(), id, r.json(), services.currentMonth()));
                    return ModuleResponse.ok(services.projects.get(r.bureau(), id));
                }).forRoles(ADMIN, REPORTER),
                Endpoint.get("/projects/{id}/months", r -> ModuleResponse.ok(services.projects.months(r.bureau(), id(r, "id")))),
                Endpoint.put("/projects/{id}/months/{month}", r -> ModuleResponse.ok(recordMonth(r))).forRoles(ADMIN, REPORTER),
                Endpoint.delete("/projects/{id}/months/{month}", r -> {
                    YearMonth month = month(r);
                    if (services.projects.removeMonth(r.bureau(), id(r, "id"), month)) {
                        services.published(r.bureau(), List.of(month));
                    }
                    return ModuleResponse.noContent();
                }).forRoles(ADMIN, REPORTER),
                Endpoint.get("/towns", r -> ModuleResponse.ok(services.towns.list(r.bureau(),
                        r.queryParameter("year").isPresent() ? year(r) : null))),
                Endpoint.get("/towns/{id}", r -> ModuleResponse.ok(services.towns.get(r.bureau(), id(r, "id")))),
                Endpoint.post("/towns", r -> ModuleResponse.created(Map.of("id", services.towns.create(r.bureau(), r.json()))))
                        .forRoles(ADMIN),
                Endpoint.put("/towns/{id}/status", r -> {
                    long id = id(r, "id");
                    services.towns.advance(r.bureau(), id, r.json()).forEach(d -> services.registerChanged(r.bureau(), d));
                    return ModuleResponse.ok(services.towns.get(r.bureau(), id));
                }).forRoles(ADMIN, SUPERVISOR),
                Endpoint.post("/towns/{id}/criteria", r -> ModuleResponse.created(Map.of("id",
                        services.towns.addCriterion(r.bureau(), id(r, "id"), r.json())))).forRoles(ADMIN),
                Endpoint.put("/towns/{id}/criteria/{criterionId}", r -> ModuleResponse.ok(services.towns.check(r.bureau(),
                        id(r, "id"), id(r, "criterionId"), r.json(), r.user(), context.clock().instant())))
                        .forRoles(ADMIN, SUPERVISOR),
                Endpoint.get("/bay-stops", r -> ModuleResponse.ok(services.facilities.bayStops(r.bureau()))),
                Endpoint.post("/bay-stops", r -> {
                    services.registerChanged(r.bureau(), services.facilities.addBayStop(r.bureau(), r.json()));
                    return ModuleResponse.created(Map.of());
                }).forRoles(ADMIN, REPORTER),
                Endpoint.get("/logistics-points", r -> ModuleResponse.ok(services.facilities.logisticsPoints(r.bureau()))),
                Endpoint.post("/logistics-points", r -> {
                    services.registerChanged(r.bureau(), services.facilities.addLogisticsPoint(r.bureau(), r.json()));
                    return ModuleResponse.created(Map.of());
                }).forRoles(ADMIN, REPORTER),
                Endpoint.put("/logistics-points/{id}/closed", r -> {
                    services.facilities.closeLogisticsPoint(r.bureau(), id(r, "id"), r.json());
                    return ModuleResponse.noContent();
                }).forRoles(ADMIN),
                Endpoint.get("/inspections", r -> {
                    LocalDate[] period = period(r);
                    return ModuleResponse.ok(services.network.inspections(r.bureau(), period[0], period[1]));
                }),
                Endpoint.post("/inspections", r -> {
                    LocalDate on = services.network.inspect(r.bureau(), r.json(), r.user());
                    services.published(r.bureau(), List.of(YearMonth.from(on)));
                    return ModuleResponse.created(Map.of());
                }).forRoles(ADMIN, REPORTER),
                Endpoint.get("/good-road-rate", r -> {
                    LocalDate[] period = period(r);
                    return ModuleResponse.ok(rates(services.network.rate(r.bureau(), period[0], period[1])));
                }),
                Endpoint.get("/summary/{year}/{month}", r -> ModuleResponse.ok(services.summary.of(r.bureau(),
                        summaryMonth(r), services.currentMonth()))),
                Endpoint.get("/statistics/{file}", r -> {
                    String file = r.pathParameter("file");
                    if (!file.matches("\\d{4}\\.xlsx")) {
                        throw ModuleProblem.notFound("统计表应写作 /statistics/2023.xlsx", "Ask for /statistics/2023.xlsx");
                    }
                    int year = Integer.parseInt(file.substring(0, 4));
                    return ModuleResponse.file(MonthlyStatistics.CONTENT_TYPE, "农村公路月度统计-" + year + ".xlsx",
                            services.statistics.export(r.bureau(), year));
                }));
    }

    private Projects.MonthReport recordMonth(ModuleRequest r) {
        long id = id(r, "id");
        YearMonth month = month(r);
        Fields f = new Fields(r.json());
        BigDecimal km = f.number("km", true);
        BigDecimal wan = f.number("wanYuan", true);
        if (services.projects.recordMonth(r.bureau(), id, month, km, wan, f.text("source", false))) {
            services.published(r.bureau(), List.of(month));
        }
        return services.projects.months(r.bureau(), id).stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow();
    }

    /** Rates by class as {@code {COUNTY: {numeratorKm, denominatorKm, percent}, …}}. */
    private static Map<String, Object> rates(Map<String, YearToDate.Ratio> rates) {
        Map<String, Object> out = new LinkedHashMap<>();
        rates.forEach((c, r) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("goodKm", r.numerator());
            one.put("inspectedKm", r.denominator());
            one.put("percent", r.percent());
            out.put(c, one);
        });
        return out;
    }

    /** {@code from} and {@code to} (dates, both included); by default this year to today. */
    private LocalDate[] period(ModuleRequest r) {
        LocalDate today = LocalDate.now(context.clock().withZone(RuralServices.CHINA));
        LocalDate from = date(r, "from", LocalDate.of(today.getYear(), 1, 1));
        LocalDate to = date(r, "to", today);
        if (to.isBefore(from)) {
            throw ModuleProblem.badInput("to", "结束日期不能早于开始日期", "to is before from");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(ModuleRequest r, String name, LocalDate otherwise) {
        return r.queryParameter(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw ModuleProblem.badInput(name, name + " 应为日期，如 2023-06-30", name + " is a date such as 2023-06-30");
            }
        }).orElse(otherwise);
    }

    private static YearMonth summaryMonth(ModuleRequest r) {
        try {
            int year = Integer.parseInt(r.pathParameter("year"));
            int month = Integer.parseInt(r.pathParameter("month"));
            if (year < 2000 || year > 2100 || month < 1 || month > 12) {
                throw new NumberFormatException();
            }
            return YearMonth.of(year, month);
        } catch (NumberFormatException e) {
            throw ModuleProblem.badInput("month", "应写作 /summary/2023/10", "write /summary/2023/10");
        }
    }

    private static YearMonth month(ModuleRequest r) {
        try {
            return YearMonth.parse(r.pathParameter("month"));
        } catch (DateTimeParseException e) {
            throw ModuleProblem.badInput("month", "月份应写作 2023-06", "month is written 2023-06");
        }
    }

    private int year(ModuleRequest r) {
        String y = r.queryParameter("year").orElse(String.valueOf(services.currentMonth().getYear()));
        try {
            return Integer.parseInt(y);
        } catch (NumberFormatException e) {
            throw ModuleProblem.badInput("year", "year 应为年份，如 2023", "year is a year such as 2023");
        }
    }

    private static long id(ModuleRequest r, String name) {
        try {
            return Long.parseLong(r.pathParameter(name));
        } catch (NumberFormatException e) {
            throw ModuleProblem.notFound("没有编号为 " + r.pathParameter(name) + " 的记录", "No record " + r.pathParameter(name));
        }
    }
}
