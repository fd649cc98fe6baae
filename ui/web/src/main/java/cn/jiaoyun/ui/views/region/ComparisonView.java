package cn.jiaoyun.ui.views.region;

import cn.jiaoyun.core.bureau.Bureau;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.indicators.Indicator;
import cn.jiaoyun.core.indicators.RankingExport;
import cn.jiaoyun.core.indicators.RegionalComparison;
import cn.jiaoyun.core.indicators.RegionalComparison.Line;
import cn.jiaoyun.core.indicators.RegionalComparison.Ranking;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.component.EChart;
import cn.jiaoyun.ui.component.FigureText;
import cn.jiaoyun.ui.session.AllowedRoles;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A regional analyst's comparison (区域对比) of the county-level bureaus of their region on one
 * published indicator: the month, January to the month, or the whole year; the ranked table with
 * last year, year on year, targets and rank changes, a bar chart of the values, and the same
 * ranking as .xlsx or CSV. Everything is read through {@link RegionalComparison}, whose regional
 * transaction lets the database show only the region's bureaus and published indicators.
 */
@Route(value = "region/compare", layout = MainLayout.class)
@AllowedRoles(Role.REGIONAL_ANALYST)
@Prototype
public class ComparisonView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String DEFAULT_INDICATOR = "invest.effective";
    private static final List<String> PERIODS = List.of("month", "quarter", "ytd", "year");

    private final RegionalComparison comparison;
    private String region;
    private final Select<RegionalComparison.Area> area = new Select<>();
    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final RadioButtonGroup<String> period = new RadioButtonGroup<>();
    private final IntegerField year = new IntegerField();
    private final Select<Integer> month = new Select<>();
    private final H3 title = new H3();
    private final Div message = new Div();
    private final Grid<Line> grid = new Grid<>();
    private final EChart chart = new EChart("compare-chart");
    private Grid.Column<Line> valueColumn;
    private Ranking ranking;

    public ComparisonView(RegionalComparison comparison, BureauService bureaus) {
        this.comparison = comparison;
        Actor actor = UiSession.require();
        this.region = actor.regionCode();
        setWidthFull();

        H2 heading = new H2(getTranslation("compare.title") + " · " + regionName(bureaus, region));
        heading.setId("compare-heading");
        // a province's analyst compares the whole province or one of its cities
        List<RegionalComparison.Area> areas = region == null ? List.of() : comparison.areas(region);
        area.setLabel(getTranslation("compare.area"));
        area.setId("compare-area");
        area.setItems(areas);
        area.setItemLabelGenerator(RegionalComparison.Area::name);
        areas.stream().filter(a -> a.code().equals(region)).findFirst().ifPresent(area::setValue);
        area.setVisible(areas.size() > 1);
        area.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                region = e.getValue().code();
                heading.setText(getTranslation("compare.title") + " · " + e.getValue().name());
                refresh();
            }
        });

        List<Indicator> indicators = comparison.comparable();
        indicator.setLabel(getTranslation("compare.indicator"));
        indicator.setId("compare-indicator");
        indicator.setItems(indicators);
        indicator.setItemLabelGenerator(i -> name(i) + "（" + i.unit() + "）");
        indicator.setWidth("20em");
        indicator.setValue(indicators.stream().filter(i -> i.code().equals(DEFAULT_INDICATOR)).findFirst()
                .orElse(indicators.isEmpty() ? null : indicators.get(0)));
        period.setLabel(getTranslation("compare.period"));
        period.setId("compare-period");
        period.setItems(PERIODS);
        period.setItemLabelGenerator(p -> getTranslation("compare.period." + p));
        period.setValue("ytd");
        LocalDate today = LocalDate.now(CHINA);
        year.setLabel(getTranslation("figures.year"));
        year.setId("compare-year");
        year.setStepButtonsVisible(true);
        year.setMin(2000);
        year.setMax(2100);
        year.setValue(today.getYear());
        month.setLabel(getTranslation("figures.entry-month"));
        month.setId("compare-month");
        month.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        month.setItemLabelGenerator(m -> getTranslation("figures.month", m));
        month.setValue(today.getMonthValue());
        indicator.addValueChangeListener(e -> refresh());
        period.addValueChangeListener(e -> {
            month.setEnabled(!"year".equals(e.getValue()));
            refresh();
        });
        year.addValueChangeListener(e -> refresh());
        month.addValueChangeListener(e -> refresh());

        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(event -> {
            Ranking r = current();
            byte[] bytes = RankingExport.xlsx(r);
            return new DownloadResponse(new ByteArrayInputStream(bytes), RankingExport.fileName(r) + ".xlsx", XLSX, bytes.length);
        }), getTranslation("compare.export-xlsx"));
        xlsx.setId("compare-xlsx");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            Ranking r = current();
            byte[] bytes = RankingExport.csv(r);
            return new DownloadResponse(new ByteArrayInputStream(bytes), RankingExport.fileName(r) + ".csv",
                    "text/csv;charset=UTF-8", bytes.length);
        }), getTranslation("compare.export-csv"));
        csv.setId("compare-csv");

        HorizontalLayout controls = new HorizontalLayout(area, indicator, period, year, month);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        HorizontalLayout exports = new HorizontalLayout(xlsx, csv);
        title.setId("compare-title");
        message.setId("compare-message");
        buildGrid();
        add(heading, controls, title, message, grid, chart, exports);
        refresh();
    }

    private void buildGrid() {
        grid.setId("compare-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> l.rank() == null ? "—" : String.valueOf(l.rank()))
                .setHeader(getTranslation("compare.rank")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Line::name).setHeader(getTranslation("compare.bureau")).setAutoWidth(true);
        valueColumn = grid.addColumn(l -> valueText(l.period(), unit()))
                .setHeader(getTranslation("compare.value")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> valueText(l.lastYear(), unit()))
                .setHeader(getTranslation("figures.last-year")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> FigureText.yearOnYear(l.yearOnYear(), unit(), getTranslation("figures.points")))
                .setHeader(getTranslation("figures.yoy")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> FigureText.withUnit(l.target(), unit()))
                .setHeader(getTranslation("figures.target")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> FigureText.percent(l.completion()))
                .setHeader(getTranslation("compare.completion")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(this::rankChange).setHeader(getTranslation("compare.rank-change")).setAutoWidth(true);
        grid.addColumn(this::notes).setHeader(getTranslation("compare.notes")).setAutoWidth(true);
        grid.setClassNameGenerator(l -> l.rank() == null ? "jy-unranked" : null);
    }

    private Component rankChange(Line l) {
        Integer change = l.rankChange();
        Span span = new Span(change == null || change == 0 ? "—" : change > 0 ? "↑" + change : "↓" + (-change));
        if (change != null && change != 0) {
            span.getStyle().set("color", change > 0 ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        }
        return span;
    }

    private String notes(Line l) {
        List<String> notes = new ArrayList<>();
        if (l.rank() == null) {
            notes.add(getTranslation("compare.note.incomplete"));
        }
        if (l.synthetic()) {
            notes.add(getTranslation("compare.note.synthetic"));
        }
        return String.join("；", notes);
    }

    private String valueText(cn.jiaoyun.core.indicators.Figures.Period p, String unit) {
        String text = FigureText.withUnit(p.value(), unit);
        int missing = FigureText.missingMonths(p);
        return missing > 0 ? text + getTranslation("figures.missing", missing) : text;
    }

    private String unit() {
        return ranking == null ? "" : ranking.indicator().unit();
    }

    private Ranking current() {
        return ranking == null ? load() : ranking;
    }

    private Ranking load() {
        Indicator i = indicator.getValue();
        return comparison.rank(region, i.code(), period.getValue(), year.getValue(),
                month.getValue() == null ? 12 : month.getValue());
    }

    private void refresh() {
        message.setText("");
        if (region == null) {
            message.setText(getTranslation("compare.no-region"));
            return;
        }
        if (indicator.getValue() == null || period.getValue() == null || year.getValue() == null
                || year.getValue() < 2000 || year.getValue() > 2100) {
            return;
        }
        try {
            ranking = load();
        } catch (ApiProblem refused) {
            ranking = null;
            message.setText(refused.fullDetail(getLocale()));
            grid.setItems(List.of());
            return;
        }
        boolean english = "en".equals(getLocale().getLanguage());
        title.setText(name(ranking.indicator()) + " · " + (english ? ranking.labelEn() : ranking.labelZh()));
        valueColumn.setHeader(getTranslation("compare.value") + "（" + (english ? ranking.labelEn() : ranking.labelZh()) + "）");
        grid.setItems(ranking.lines());
        // widths follow the figures now shown, not those of the first rendering
        grid.recalculateColumnWidths();
        chart.setOption(option(ranking));
    }

    /**
     * A bar per bureau in the table's order; a bureau without a complete period is drawn grey and
     * one without any value has no bar. Amounts in 万元 are drawn in 亿元 from 1 亿 up, as bureaus write them.
     */
    private JsonObject option(Ranking r) {
        String unit = r.indicator().unit();
        boolean yi = "万元".equals(unit) && r.lines().stream().map(l -> l.period().value())
                .filter(java.util.Objects::nonNull).anyMatch(v -> v.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0);
        Function<BigDecimal, BigDecimal> scale = v -> yi ? v.divide(BigDecimal.valueOf(10_000)) : v;
        JsonArray names = Json.createArray();
        JsonArray data = Json.createArray();
        for (Line l : r.lines()) {
            names.set(names.length(), l.name());
            JsonObject bar = Json.createObject();
            BigDecimal v = l.period().value();
            if (v == null) {
                bar.put("value", Json.createNull());
            } else {
                bar.put("value", scale.apply(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
            }
            bar.put("bureau", l.bureau());
            if (l.rank() == null) {
                JsonObject style = Json.createObject();
                style.put("color", "#b0b7c3");
                bar.put("itemStyle", style);
            }
            data.set(data.length(), bar);
        }
        JsonObject option = Json.createObject();
        JsonObject titleOption = Json.createObject();
        titleOption.put("text", name(r.indicator()) + " " + ("en".equals(getLocale().getLanguage()) ? r.labelEn() : r.labelZh()));
        titleOption.put("left", "center");
        titleOption.put("textStyle", object("fontSize", 14));
        option.put("title", titleOption);
        option.put("animation", false);
        JsonObject tooltip = Json.createObject();
        tooltip.put("trigger", "axis");
        option.put("tooltip", tooltip);
        JsonObject grid = Json.createObject();
        grid.put("left", 60);
        grid.put("right", 20);
        grid.put("bottom", 40);
        option.put("grid", grid);
        JsonObject x = Json.createObject();
        x.put("type", "category");
        x.put("data", names);
        option.put("xAxis", x);
        JsonObject y = Json.createObject();
        y.put("type", "value");
        y.put("name", yi ? "亿元" : unit);
        option.put("yAxis", y);
        JsonObject series = Json.createObject();
        series.put("type", "bar");
        series.put("name", name(r.indicator()));
        series.put("data", data);
        series.put("barMaxWidth", 48);
        JsonObject label = Json.createObject();
        label.put("show", true);
        label.put("position", "top");
        series.put("label", label);
        JsonArray all = Json.createArray();
        all.set(0, series);
        option.put("series", all);
        return option;
    }

    private static JsonObject object(String key, double value) {
        JsonObject o = Json.createObject();
        o.put(key, value);
        return o;
    }

    private String name(Indicator i) {
        return "en".equals(getLocale().getLanguage()) ? i.nameEn() : i.nameZh();
    }

    /** The region's name as its bureaus' registry gives it (绍兴市 for 330600), else its code. */
    private static String regionName(BureauService bureaus, String region) {
        if (region == null) {
            return "—";
        }
        for (Bureau b : bureaus.all()) {
            if (region.equals(b.parentRegionCode()) && b.parentName() != null) {
                return b.parentName();
            }
        }
        return region;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("compare.title") + " · " + getTranslation("app.name");
    }
}
