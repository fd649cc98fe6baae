package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 路况检测: the year's inspections of the network's segments and the good-road rate by class for
 * the year ({@link GoodRoadRate}: each segment by its latest inspection, km-weighted).
 * Administrators and reporters record an inspection of a registered segment.
 */
public class InspectionsView extends VerticalLayout {

    /** One class's line of the rate table. */
    record RateLine(String adminClass, YearToDate.Ratio ratio) {
    }

    private final ModuleViewContext view;
    private final RuralServices services;
    private final Select<Integer> year;
    private final Grid<Network.Inspection> grid = new Grid<>();
    private final Grid<RateLine> rates = new Grid<>();

    public InspectionsView(ModuleViewContext view) {
        this.view = view;
        this.services = RuralServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("路况检测与优良路率", "Inspections and good-road rate"));
        title.setId("rr-inspections-title");
        int now = services.currentMonth().getYear();
        year = Ui.years(view, List.of(now, now - 1, now - 2, now - 3), "rr-inspections-year");

        rates.setId("rr-rates");
        rates.addColumn(l -> "ALL".equals(l.adminClass()) ? view.text("合计", "All") : Ui.label(view, Labels.CLASSES, l.adminClass()))
                .setHeader(view.text("行政等级", "Class")).setAutoWidth(true);
        Ui.figureColumn(rates, l -> Ui.km(l.ratio().numerator()), view.text("优良里程（公里）", "Good km"));
        Ui.figureColumn(rates, l -> Ui.km(l.ratio().denominator()), view.text("检测里程（公里）", "Inspected km"));
        Ui.figureColumn(rates, l -> Ui.percent(l.ratio().percent()), view.text("优良路率", "Good-road rate"));
        rates.setAllRowsVisible(true);
        rates.setWidth("40em");

        grid.setId("rr-inspections");
        grid.addColumn(i -> Ui.date(i.inspectedOn())).setHeader(view.text("检测日期", "Date")).setAutoWidth(true);
        grid.addColumn(Network.Inspection::routeCode).setHeader(view.text("路线编号", "Route")).setAutoWidth(true);
        grid.addColumn(Network.Inspection::segmentName).setHeader(view.text("路段", "Segment")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(i -> Ui.label(view, Labels.CLASSES, i.adminClass())).setHeader(view.text("行政等级", "Class")).setAutoWidth(true);
        Ui.figureColumn(grid, i -> Ui.km(i.lengthKm()), view.text("里程（公里）", "Km"));
        grid.addColumn(i -> Ui.label(view, Labels.RATINGS, i.rating())).setHeader(view.text("评定", "Rating")).setAutoWidth(true);
        Ui.figureColumn(grid, i -> i.mqi() == null ? "" : i.mqi().toPlainString(), "MQI");
        Ui.figureColumn(grid, i -> i.pqi() == null ? "" : i.pqi().toPlainString(), "PQI");
        grid.addColumn(i -> i.inspector() == null ? "" : i.inspector()).setHeader(view.text("检测人", "Inspector")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(view.text("本年度尚无检测记录", "No inspections this year"));

        add(Ui.row(title, year), new H3(view.text("优良路率（按行政等级）", "Good-road rate by class")), rates,
                Ui.note(view.text("优良路率 = 评定为优、良的路段里程 ÷ 检测路段里程；每条路段按年度内最近一次检测计。",
                        "Good-road rate = km rated excellent or good ÷ km inspected; each segment by its latest inspection in the year.")));
        if (Ui.hasAny(view, RuralRoadsModule.ADMIN, RuralRoadsModule.REPORTER)) {
            add(form());
        }
        add(new H3(view.text("检测记录", "Inspections")), grid);
        year.addValueChangeListener(e -> refresh());
        refresh();
    }

    private VerticalLayout form() {
        Select<Network.Segment> segment = new Select<>();
        segment.setLabel(view.text("路段", "Segment"));
        segment.setId("rr-inspection-segment");
        segment.setItems(services.network.segments(view.bureau()));
        segment.setItemLabelGenerator(s -> s.routeCode() + " " + s.name());
        DatePicker on = Ui.datePicker(view, view.text("检测日期", "Date"), "rr-inspection-date");
        Select<String> rating = Ui.codes(view, Labels.RATINGS, view.text("评定", "Rating"), "rr-inspection-rating");
        BigDecimalField mqi = new BigDecimalField("MQI");
        mqi.setId("rr-inspection-mqi");
        BigDecimalField pqi = new BigDecimalField("PQI");
        pqi.setId("rr-inspection-pqi");
        var error = Ui.errorLine("rr-inspection-error");
        Button save = new Button(view.text("记录检测", "Record"), e -> {
            error.setText("");
            Map<String, Object> body = new HashMap<>();
            body.put("routeCode", segment.getValue() == null ? null : segment.getValue().routeCode());
            body.put("inspectedOn", on.getValue() == null ? null : on.getValue().toString());
            body.put("rating", rating.getValue());
            body.put("mqi", mqi.getValue());
            body.put("pqi", pqi.getValue());
            try {
                LocalDate d = services.network.inspect(view.bureau(), body, view.user());
                services.published(view.bureau(), List.of(YearMonth.from(d)));
                refresh();
                Notification.show(view.text("已记录检测", "Inspection recorded"));
            } catch (ModuleProblem problem) {
                error.setText(Ui.message(view, problem));
            }
        });
        save.setId("rr-inspection-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(new H3(view.text("记录检测", "Record an inspection")),
                Ui.row(segment, on, rating, mqi, pqi, save), error);
        form.setPadding(false);
        return form;
    }

    private void refresh() {
        LocalDate from = LocalDate.of(year.getValue(), 1, 1);
        LocalDate to = LocalDate.of(year.getValue(), 12, 31);
        grid.setItems(services.network.inspections(view.bureau(), from, to));
        List<RateLine> lines = new ArrayList<>();
        services.network.rate(view.bureau(), from, to).forEach((c, r) -> lines.add(new RateLine(c, r)));
        rates.setItems(lines);
    }
}
