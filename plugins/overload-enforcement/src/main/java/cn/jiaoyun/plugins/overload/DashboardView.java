package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 治超月报: the module's indicators for one month, with their Chinese names and units (rates as
 * percentages with one decimal), and the month's passes, overloads and cases day by day. The
 * month defaults to the latest one with pass records.
 */
public class DashboardView extends VerticalLayout {

    /** One indicator's line: its code, name and figure as written, unit included. */
    record Line(String code, String name, String figure) {
    }

    private final ModuleViewContext view;
    private final OverloadServices services;
    private final Select<YearMonth> month = new Select<>();
    private final Grid<Line> indicators = new Grid<>();
    private final Grid<Indicators.Day> daily = new Grid<>();
    private final H3 dailyTitle = new H3();

    public DashboardView(ModuleViewContext view) {
        this.view = view;
        this.services = OverloadServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("治超月报", "Monthly overload report"));
        title.setId("oe-dashboard-title");

        List<YearMonth> months = new ArrayList<>(services.indicators.months(view.bureau()));
        if (months.isEmpty()) {
            months.add(YearMonth.now(services.context.clock().withZone(PassRecord.CHINA)));
        }
        month.setId("oe-month");
        month.setLabel(view.text("月份", "Month"));
        month.setItems(months);
        month.setItemLabelGenerator(m -> Ui.month(view, m));
        HorizontalLayout bar = new HorizontalLayout(title, month);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        indicators.setId("oe-indicators");
        indicators.addColumn(Line::name).setHeader(view.text("指标", "Indicator")).setAutoWidth(true).setFlexGrow(1);
        indicators.addColumn(Line::figure).setHeader(view.text("数值", "Value")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        indicators.setAllRowsVisible(true);
        indicators.setWidth("40em");
        indicators.setClassNameGenerator(l -> "oe-indicator-" + l.code().replace('.', '-').replace('_', '-'));

        daily.setId("oe-daily");
        daily.addColumn(d -> Ui.date(d.date())).setHeader(view.text("日期", "Date")).setAutoWidth(true);
        daily.addColumn(d -> Ui.number(d.checked())).setHeader(view.text("检测车辆数（辆）", "Checked (vehicles)"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        daily.addColumn(d -> Ui.number(d.overloaded())).setHeader(view.text("超限车辆数（辆）", "Overloaded (vehicles)"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        daily.addColumn(d -> Ui.number(d.cases())).setHeader(view.text("案件数（件）", "Cases"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        daily.setAllRowsVisible(true);
        daily.setWidth("40em");
        dailyTitle.setId("oe-daily-title");

        Div note = new Div(view.text("超限率 = 超限车辆数 ÷ 检测车辆数；处罚率 = 已决定处罚（罚款大于 0）的案件 ÷ 案件数；"
                        + "车道在线率按月末在用车道计。",
                "Overload rate = overloaded ÷ checked; penalty rate = cases with a fine decided ÷ cases; "
                        + "lanes online are counted among the lanes in service at the month's end."));
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        add(bar, indicators, note, dailyTitle, daily);
        month.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        month.setValue(months.get(0));
    }

    private void show(YearMonth m) {
        Map<String, BigDecimal[]> figures = services.indicators.compute(view.bureau(), m);
        List<Line> lines = new ArrayList<>();
        for (IndicatorDefinition d : Indicators.DEFINITIONS) {
            BigDecimal[] v = figures.get(d.code());
            if (v == null) {
                continue;
            }
            lines.add(new Line(d.code(), view.text(d.nameZh(), d.nameEn()), Indicators.format(d, v)));
        }
        indicators.setItems(lines);
        List<Indicators.Day> days = services.indicators.daily(view.bureau(), m);
        daily.setItems(days);
        long checked = days.stream().mapToLong(Indicators.Day::checked).sum();
        dailyTitle.setText(view.text("逐日统计（" + Ui.month(view, m) + "，共检测 " + Ui.number(checked) + " 辆）",
                "Day by day (" + Ui.month(view, m) + ", " + Ui.number(checked) + " vehicles checked)"));
    }
}
