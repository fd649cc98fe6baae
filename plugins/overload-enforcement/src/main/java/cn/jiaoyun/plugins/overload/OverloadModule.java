package cn.jiaoyun.plugins.overload;

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
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 治超非现场执法: sites and lanes, weigh-in-motion pass records judged against the legal limits,
 * cases from detection to closing, and the monthly enforcement indicators.
 */
@Extension
public class OverloadModule implements JiaoyunModule {

    private static final String ADMIN = "BUREAU_ADMIN";
    private static final String SUPERVISOR = "SUPERVISOR";
    private static final String REPORTER = "REPORTER";

    private ModuleContext context;
    private OverloadServices services;
    private Sites sites;
    private PassIngest ingest;
    private Cases cases;
    private Indicators indicators;

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        this.services = OverloadServices.start(context);
        this.sites = services.sites;
        this.ingest = services.ingest;
        this.cases = services.cases;
        this.indicators = services.indicators;
    }

    @Override
    public void stop() {
        if (context != null) {
            OverloadServices.stop(context);
        }
    }

    @Override
    public List<ViewContribution> views() {
        return List.of(
                ViewContribution.page("sites", SitesView.class, "治超执法点", "Enforcement sites", "TRUCK"),
                ViewContribution.page("cases", CasesView.class, "治超案件", "Overload cases", "GAVEL"),
                ViewContribution.hidden("cases/:id", CaseView.class),
                ViewContribution.page("dashboard", DashboardView.class, "治超月报", "Monthly overload report", "BAR_CHART"),
                ViewContribution.page("rules", RulesView.class, "超限标准与设置", "Limits and settings", "SCALE"),
                new ViewContribution("imports", ImportView.class, "过车记录导入", "Import pass records", "UPLOAD",
                        Set.of(ADMIN, REPORTER)));
    }

    @Override
    public List<DashboardCard> dashboardCards() {
        return List.of(new DashboardCard("open-cases", "待处理治超案件", "Open overload cases", bureau -> {
            long open = cases.countOpen(bureau);
            return new DashboardCard.Value(Ui.number(open) + " 件", "已发现、已审核待决定处罚", "detected or reviewed, no decision yet",
                    "cases");
        }));
    }

    @Override
    public Set<String> referenceTables() {
        return Set.of("oe_gross_limit");
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return Indicators.DEFINITIONS;
    }

    @Override
    public List<Importer> importers() {
        return List.of(new Importer("passes", "过车记录", "Pass records", Set.of("csv", "txt"), Set.of(ADMIN, REPORTER),
                (r, fileName, in) -> services.importCsv(r.bureau(), fileName, in, PassIngest.Progress.NONE).outcome()));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/sites", r -> ModuleResponse.ok(sites.list(r.bureau()))),
                Endpoint.get("/sites/{id}", r -> ModuleResponse.ok(sites.get(r.bureau(), id(r, "id")))),
                Endpoint.post("/sites", r -> ModuleResponse.created(Map.of("id", sites.create(r.bureau(), r.json()))))
                        .forRoles(ADMIN),
                Endpoint.post("/sites/{id}/lanes", r -> ModuleResponse.created(Map.of("id",
                        sites.addLane(r.bureau(), id(r, "id"), r.json())))).forRoles(ADMIN),
                Endpoint.get("/limits", r -> ModuleResponse.ok(limits())),
                Endpoint.post("/passes", r -> ModuleResponse.ok(services.published(r.bureau(),
                        ingest.records(r.bureau(), records(r))).outcome())).forRoles(ADMIN, REPORTER),
                Endpoint.get("/cases", r -> ModuleResponse.ok(cases.list(r.bureau(), status(r), limit(r)))),
                Endpoint.get("/cases.xlsx", r -> {
                    Cases.Status status = status(r);
                    return ModuleResponse.file(CaseExport.CONTENT_TYPE, CaseExport.fileName(status),
                            services.export.xlsx(r.bureau(), status));
                }),
                Endpoint.get("/cases/{id}", r -> ModuleResponse.ok(cases.get(r.bureau(), id(r, "id")))),
                Endpoint.post("/cases/{id}/review", r -> ModuleResponse.ok(advance(r, Cases.Status.REVIEWED)))
                        .forRoles(ADMIN, SUPERVISOR),
                Endpoint.post("/cases/{id}/decide", r -> ModuleResponse.ok(advance(r, Cases.Status.PENALTY_DECIDED)))
                        .forRoles(ADMIN, SUPERVISOR),
                Endpoint.post("/cases/{id}/close", r -> ModuleResponse.ok(advance(r, Cases.Status.CLOSED)))
                        .forRoles(ADMIN, SUPERVISOR),
                Endpoint.put("/onsite-cases/{month}", r -> ModuleResponse.ok(figures(saveOnsiteCases(r))))
                        .forRoles(ADMIN, "REPORTER"),
                Endpoint.get("/settings", r -> ModuleResponse.ok(ingest.settings(r.bureau()))),
                Endpoint.put("/settings", r -> ModuleResponse.ok(saveSettings(r))).forRoles(ADMIN),
                Endpoint.get("/indicators/{month}", r -> ModuleResponse.ok(figures(indicators.recompute(r.bureau(), month(r))))),
                Endpoint.get("/daily/{month}", r -> ModuleResponse.ok(indicators.daily(r.bureau(), month(r)))));
    }

    private Cases.Case advance(ModuleRequest r, Cases.Status to) {
        Map<String, Object> body = r.body().isBlank() ? Map.of() : r.json();
        Object fine = body.get("fineYuan");
        Integer fineYuan = fine instanceof Number n ? n.intValue() : null;
        Object note = body.get("note");
        return services.advance(r.bureau(), id(r, "id"), to, r.user(), fineYuan, note == null ? null : note.toString());
    }

    /** Records the month's on-site cases (现场执法案件数) and republishes the month. */
    private Map<String, BigDecimal[]> saveOnsiteCases(ModuleRequest r) {
        YearMonth month = month(r);
        Object cases = r.json().get("cases");
        if (!(cases instanceof Number n) || n.intValue() < 0 || n.doubleValue() != n.intValue()) {
            throw ModuleProblem.badInput("cases", "现场执法案件数应为非负整数", "cases must be a whole number, 0 or more");
        }
        context.data().inBureau(r.bureau(), sql -> sql.update("""
                insert into oe_onsite_cases (tenant_id, month, cases) values (?, ?, ?)
                on conflict (tenant_id, month) do update set cases = excluded.cases, updated_at = now()""",
                r.bureau().code(), java.sql.Date.valueOf(month.atDay(1)), ((Number) cases).intValue()));
        return indicators.recompute(r.bureau(), month);
    }

    private PassIngest.Settings saveSettings(ModuleRequest r) {
        Map<String, Object> body = r.json();
        BigDecimal tolerance = body.get("tolerancePercent") instanceof Number n ? new BigDecimal(n.toString()) : null;
        Integer hundred = body.get("hundredTonneKg") instanceof Number n ? n.intValue() : null;
        return ingest.saveSettings(r.bureau(), tolerance, hundred);
    }

    private List<Map<String, Object>> limits() {
        return GrossLimits.table(context.data()).stream()
                .map(l -> Map.<String, Object>of("axles", l.axles(), "kind", l.kind(), "singleDriveAxle", l.singleDriveAxle(),
                        "limitKg", l.limitKg(), "note", l.note(), "rules", GrossLimits.RULES))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(ModuleRequest r) {
        Object records = r.json().get("records");
        if (!(records instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof Map))) {
            throw ModuleProblem.badInput("records", "请求体应为 {\"records\": [过车记录…]}", "send {\"records\": [pass records…]}");
        }
        return (List<Map<String, Object>>) records;
    }

    private static Map<String, Object> figures(Map<String, BigDecimal[]> f) {
        Map<String, Object> out = new LinkedHashMap<>();
        f.forEach((code, v) -> {
            if (v.length == 1) {
                out.put(code, v[0]);
            } else {
                Map<String, Object> ratio = new LinkedHashMap<>();
                ratio.put("numerator", v[0]);
                ratio.put("denominator", v[1]);
                out.put(code, ratio);
            }
        });
        return out;
    }

    private static Cases.Status status(ModuleRequest r) {
        return r.queryParameter("status").map(s -> {
            try {
                return Cases.Status.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw ModuleProblem.badInput("status", "状态应为 " + Cases.labels().keySet(), "status is one of " + Cases.labels().keySet());
            }
        }).orElse(null);
    }

    private static int limit(ModuleRequest r) {
        return r.queryParameter("limit").map(s -> {
            try {
                return Math.max(1, Math.min(1000, Integer.parseInt(s)));
            } catch (NumberFormatException e) {
                throw ModuleProblem.badInput("limit", "limit 应为整数", "limit must be a whole number");
            }
        }).orElse(200);
    }

    private static YearMonth month(ModuleRequest r) {
        try {
            return YearMonth.parse(r.pathParameter("month"));
        } catch (DateTimeParseException e) {
            throw ModuleProblem.badInput("month", "月份应写作 2020-06", "month is written 2020-06");
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
