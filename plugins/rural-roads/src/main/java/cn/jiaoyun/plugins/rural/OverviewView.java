package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * 四好农村路 overview, the module's main page: for a month of a year (by default the latest month
 * with reports), the indicators' month, year to date, last year's same period and change, with the
 * reason when a figure is unknown; the year's projects by kind, planned against completed km and
 * 万元; and the network's km by administrative class and technical grade. The good-road rates are
 * among the indicators, by class.
 */
public class OverviewView extends VerticalLayout {

    private final ModuleViewContext view;
    private final RuralServices services;
    private final Select<Integer> year;
    private final Select<Integer> month = new Select<>();
    private final Grid<Summary.Line> indicators = new Grid<>();
    private final Grid<Projects.KindTotal> kinds = new Grid<>();
    private final Grid<Network.Stock> network = new Grid<>();
    private final Div networkTotal = new Div();

    public OverviewView(ModuleViewContext view) {
        this.view = view;
        this.services = RuralServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("四好农村路", "Rural roads"));
        title.setId("rr-overview-title");
        // opens on the latest month reported: a bureau that reports late still sees its figures first
        YearMonth opening = services.projects.latestReport(view.bureau()).orElse(services.currentMonth());
        year = Ui.years(view, services.projects.years(view.bureau(), services.currentMonth().getYear()), "rr-overview-year");
        year.setValue(opening.getYear());
        month.setLabel(view.text("月份", "Month"));
        month.setId("rr-overview-month");
        month.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        month.setItemLabelGenerator(m -> view.text(m + "月", String.valueOf(m)));

        indicators.setId("rr-indicators");
        indicators.addColumn(l -> view.text(l.nameZh(), l.nameEn())).setHeader(view.text("指标", "Indicator"))
                .setAutoWidth(true).setFlexGrow(1);
        Ui.figureColumn(indicators, l -> figure(l, l.month()), view.text("当月", "Month"));
        Ui.figureColumn(indicators, l -> figure(l, l.yearToDate()), view.text("本年累计", "Year to date"));
        Ui.figureColumn(indicators, l -> figure(l, l.lastYearToDate()), view.text("去年同期", "Same period last year"));
        Ui.figureColumn(indicators, this::yoy, view.text("同比", "Year on year"));
        indicators.addColumn(this::why).setHeader(view.text("说明", "Note")).setAutoWidth(true);
        indicators.setAllRowsVisible(true);
        indicators.setClassNameGenerator(l -> "rr-indicator-" + l.code().replace('.', '-').replace('_', '-'));

        kinds.setId("rr-kinds");
        kinds.addColumn(k -> Ui.label(view, Labels.KINDS, k.kind())).setHeader(view.text("项目类型", "Kind")).setAutoWidth(true);
        Ui.figureColumn(kinds, k -> k.completed() + " / " + k.projects(), view.text("完工 / 项目数", "Done / projects"));
        Ui.figureColumn(kinds, k -> Ui.km(k.plannedKm()), view.text("计划里程（公里）", "Planned km"));
        Ui.figureColumn(kinds, k -> Ui.km(k.completedKm()), view.text("完成里程（公里）", "Completed km"));
        Ui.figureColumn(kinds, k -> Ui.percent(k.kmPercent()), view.text("里程完成率", "Km done"));
        Ui.figureColumn(kinds, k -> Ui.wan(k.plannedWanYuan()), view.text("计划投资（万元）", "Planned (10k yuan)"));
        Ui.figureColumn(kinds, k -> Ui.wan(k.investedWanYuan()), view.text("完成投资（万元）", "Invested (10k yuan)"));
        Ui.figureColumn(kinds, k -> Ui.percent(k.investmentPercent()), view.text("投资完成率", "Investment done"));
        kinds.setAllRowsVisible(true);
        kinds.setEmptyStateText(view.text("本年度尚无项目", "No projects this year"));

        network.setId("rr-network");
        network.addColumn(s -> Ui.label(view, Labels.CLASSES, s.adminClass())).setHeader(view.text("行政等级", "Class")).setAutoWidth(true);
        network.addColumn(s -> Ui.label(view, Labels.GRADES, s.technicalGrade())).setHeader(view.text("技术等级", "Grade")).setAutoWidth(true);
        Ui.figureColumn(network, s -> String.valueOf(s.segments()), view.text("路段数", "Segments"));
        Ui.figureColumn(network, s -> Ui.km(s.km()), view.text("里程（公里）", "Km"));
        network.setAllRowsVisible(true);
        network.setWidth("40em");
        network.setEmptyStateText(view.text("尚未登记路段", "No segments registered"));
        networkTotal.setId("rr-network-total");

        add(Ui.row(title, year, month), new H3(view.text("指标", "Indicators")), indicators,
                Ui.note(view.text("“—”表示未知：有月份未填报时累计未知，不按 0 计；去年同期为 0 或未知时不计算同比。"
                                + "里程、投资为项目月报之和；示范乡镇按市级命名月份计；优良路率 = 优、良路段里程 ÷ 检测里程，每条路段按期内最近一次检测计。",
                        "“—” is unknown: a year to date with a month not reported is unknown, never counted as 0; no change "
                                + "against a zero or unknown last year. Km and investment sum the projects' monthly reports; towns "
                                + "count in the month the city names them; the good-road rate is km rated excellent or good over km "
                                + "inspected, each segment by its latest inspection in the period.")),
                new H3(view.text("年度项目", "Projects of the year")), kinds,
                new H3(view.text("路网", "Network")), networkTotal, network);
        year.addValueChangeListener(e -> {
            YearMonth latest = services.projects.latestMonth(view.bureau(), e.getValue())
                    .orElse(e.getValue() == services.currentMonth().getYear() ? services.currentMonth() : YearMonth.of(e.getValue(), 12));
            if (java.util.Objects.equals(latest.getMonthValue(), month.getValue())) {
                show();
            } else {
                month.setValue(latest.getMonthValue());
            }
        });
        month.addValueChangeListener(e -> show());
        month.setValue(opening.getMonthValue());
    }

    private void show() {
        if (year.getValue() == null || month.getValue() == null) {
            return;
        }
        Summary.Body body = services.summary.of(view.bureau(), YearMonth.of(year.getValue(), month.getValue()),
                services.currentMonth());
        indicators.setItems(body.indicators());
        kinds.setItems(body.projectsByKind());
        network.setItems(body.network());
        String byClass = body.networkKmByClass().entrySet().stream()
                .map(e -> Ui.label(view, Labels.CLASSES, e.getKey()) + " " + Ui.km(e.getValue()))
                .collect(Collectors.joining(view.text("，", ", ")));
        BigDecimal substandard = body.networkKmByGrade().get("SUBSTANDARD");
        networkTotal.setText(view.text("路网总里程 " + Ui.km(body.networkKm()) + " 公里：" + byClass + "；其中等外公路 "
                        + Ui.km(substandard) + " 公里",
                "Network " + Ui.km(body.networkKm()) + " km: " + byClass + "; sub-standard " + Ui.km(substandard) + " km"));
    }

    private static String figure(Summary.Line l, BigDecimal v) {
        return switch (l.unit()) {
            case "%" -> Ui.percent(v);
            case "万元" -> v == null ? "—" : Ui.wan(v) + " 万元";
            case "公里" -> v == null ? "—" : Ui.km(v) + " 公里";
            default -> v == null ? "—" : Ui.km(v) + " " + l.unit();
        };
    }

    private String yoy(Summary.Line l) {
        if (l.yoy() == null) {
            return "—";
        }
        String sign = l.yoy().signum() > 0 ? "+" : "";
        return "%".equals(l.yoyUnit()) ? sign + Ui.percent(l.yoy())
                : sign + l.yoy().toPlainString() + view.text(" 个百分点", " points");
    }

    /** Why a figure is unknown, in words. */
    private String why(Summary.Line l) {
        List<String> reasons = new ArrayList<>();
        for (YearToDate.Flag f : l.flags()) {
            switch (f) {
                case MONTHS_MISSING -> reasons.add(l.missingMonths().size() == month.getValue()
                        ? view.text("本年未填报", "nothing reported this year")
                        : view.text("缺少 " + months(l.missingMonths()) + " 月数据", "months " + months(l.missingMonths()) + " not reported"));
                case LAST_YEAR_MONTHS_MISSING -> reasons.add(l.missingMonthsLastYear().size() == month.getValue()
                        ? view.text("去年同期未填报", "nothing reported last year")
                        : view.text("去年缺少 " + months(l.missingMonthsLastYear()) + " 月数据",
                        "last year's months " + months(l.missingMonthsLastYear()) + " not reported"));
                case LAST_YEAR_ZERO -> reasons.add(view.text("去年同期为 0", "last year was 0"));
                case NO_INSPECTION -> reasons.add(view.text("本年无检测", "no inspection this year"));
                case LAST_YEAR_NO_INSPECTION -> reasons.add(view.text("去年同期无检测", "no inspection last year"));
                case MONTH_MISSING -> {
                    // the month column's dash says it; the other reasons explain the totals
                }
            }
        }
        return String.join(view.text("；", "; "), reasons);
    }

    private static String months(List<Integer> months) {
        return months.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }
}
