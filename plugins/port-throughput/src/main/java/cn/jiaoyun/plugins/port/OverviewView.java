package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * 港口统计: the chosen month's figures with the same month last year, year to date, the same
 * period last year and the changes (同比), for throughput (in and out, per cargo class), TEU,
 * water freight, ton-km and road-to-water shift. Unknown figures show a dash and the notes say
 * which month and area are missing; the sources of the month's lines are named (synthetic demo
 * figures say so). The month defaults to the latest with figures.
 */
public class OverviewView extends VerticalLayout {

    private final ModuleViewContext view;
    private final PortServices services;
    private final Grid<Summary.Line> grid = new Grid<>();
    private final UnorderedList notes = new UnorderedList();
    private final Div sources = new Div();

    public OverviewView(ModuleViewContext view) {
        this.view = view;
        this.services = PortServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("港口统计", "Port statistics"));
        title.setId("pt-overview-title");
        List<YearMonth> months = new ArrayList<>(services.statistics.months(view.bureau()));
        if (months.isEmpty()) {
            months.add(YearMonth.now(services.context.clock()));
        }
        Select<YearMonth> month = new Select<>();
        month.setId("pt-month");
        month.setLabel(view.text("月份", "Month"));
        month.setItems(months);
        month.setItemLabelGenerator(m -> Ui.month(view, m));
        HorizontalLayout bar = new HorizontalLayout(title, month);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("pt-summary");
        grid.addColumn(Summary.Line::name).setHeader(view.text("指标", "Measure")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(Summary.Line::unit).setHeader(view.text("单位", "Unit")).setAutoWidth(true);
        column("本月", "Month", l -> Ui.figure(l.month(), l.unit()));
        column("上年同月", "Same month last year", l -> Ui.figure(l.monthLastYear(), l.unit()));
        column("同比", "Change", l -> Ui.change(l.monthChangePercent()));
        column("本年累计", "Year to date", l -> Ui.figure(l.yearToDate(), l.unit()));
        column("上年同期累计", "Same period last year", l -> Ui.figure(l.lastYearToDate(), l.unit()));
        column("累计同比", "Change", l -> Ui.change(l.yearToDateChangePercent()));
        grid.setAllRowsVisible(true);
        grid.setClassNameGenerator(l -> "pt-line-" + l.key().replace('.', '-').replace('_', '-').toLowerCase(java.util.Locale.ROOT));
        notes.setId("pt-summary-notes");
        sources.setId("pt-sources");
        add(bar, grid, Ui.note(view.text("同比 =（本期 − 上年同期）÷ 上年同期 × 100%，保留一位小数；任一月份数据不全时累计与同比不计（显示“—”），"
                        + "上年同期为 0 时不计同比。",
                "Change = (this period − last year's) ÷ last year's × 100 %, one decimal; with a month missing the totals "
                        + "and changes are not computed (—), nor the change over a zero base.")), sources, notes);
        month.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        month.setValue(months.get(0));
    }

    private void column(String zh, String en, com.vaadin.flow.function.ValueProvider<Summary.Line, String> value) {
        grid.addColumn(value).setHeader(view.text(zh, en)).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
    }

    private void show(YearMonth m) {
        Summary.Report report = services.summary.report(view.bureau(), m, view::text);
        grid.setItems(report.lines());
        List<String> all = new ArrayList<>();
        for (Summary.Line l : report.lines()) {
            for (String n : l.notes()) {
                String line = l.name().strip() + view.text("：", ": ") + n;
                if (!all.contains(line)) {
                    all.add(line);
                }
            }
        }
        Ui.fill(notes, all, false);
        MonthlyStatistics.Month month = services.statistics.month(view.bureau(), m);
        TreeSet<String> from = new TreeSet<>();
        month.throughput().stream().map(MonthlyStatistics.Throughput::source).filter(Objects::nonNull).forEach(from::add);
        if (month.water() != null && month.water().source() != null) {
            from.add(month.water().source());
        }
        sources.setText(from.isEmpty() ? "" : view.text("数据来源：", "Sources: ") + String.join(view.text("；", "; "), from));
    }
}
