package cn.jiaoyun.ui.views.figures;

import cn.jiaoyun.core.bureau.Bureau;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.indicators.BureauFigures;
import cn.jiaoyun.core.indicators.BureauFigures.Row;
import cn.jiaoyun.core.indicators.BureauIndicators;
import cn.jiaoyun.core.indicators.BureauPeriodTotals;
import cn.jiaoyun.core.indicators.Indicator;
import cn.jiaoyun.core.indicators.RegionalComparison;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.component.FigureText;
import cn.jiaoyun.ui.component.UploadTexts;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The bureau's monthly figures (月度指标) of a year through a month: every indicator of the catalog
 * with its months, annual target, year to date, same period last year, year on year and completion.
 * Reporters, supervisors and administrators enter months (in any scale of the unit: 亿元 for an
 * indicator in 万元), mark them withheld or clear them; supervisors and administrators set annual
 * targets and import a filled-in workbook, which is taken whole or refused whole with every wrong
 * cell named. Indicators a module publishes are read only here. When the bureau's city lets it,
 * the page says where the bureau stands among the city's county-level bureaus.
 */
@Route(value = "figures", layout = MainLayout.class)
@Prototype
public class FiguresView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The indicator whose standing shows until another row is chosen: the one cities rank. */
    private static final String RANKED = "invest.effective";

    private final BureauFigures figures;
    private final RegionalComparison comparison;
    private final Actor actor;
    private final Bureau bureau;
    private final boolean mayEnter;
    private final boolean maySetTargets;
    private final BureauIndicators ownIndicators;
    private final Button editOwn = new Button();

    private final IntegerField year = new IntegerField();
    private final Select<Integer> through = new Select<>();
    private final Div standing = new Div();
    private final Grid<Row> grid = new Grid<>();
    private Grid.Column<Row> yearToDateColumn;
    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final Select<Integer> month = new Select<>();
    private final BigDecimalField value = new BigDecimalField();
    private final Select<String> unit = new Select<>();
    private final Checkbox withheld = new Checkbox();
    private final Div entryMessage = new Div();
    private final BigDecimalField targetValue = new BigDecimalField();
    private final Select<String> targetUnit = new Select<>();
    private final Div importResult = new Div();
    private final UnorderedList importErrors = new UnorderedList();
    private List<Row> rows = List.of();
    private PeriodTotalsForm periodTotals;

    public FiguresView(BureauFigures figures, RegionalComparison comparison, BureauService bureaus,
                       BureauIndicators ownIndicators, BureauPeriodTotals totals) {
        this.figures = figures;
        this.ownIndicators = ownIndicators;
        this.comparison = comparison;
        this.actor = UiSession.require();
        this.bureau = bureaus.profile(actor.bureau()).bureau();
        this.mayEnter = actor.hasAny(List.of(Role.REPORTER, Role.SUPERVISOR, Role.BUREAU_ADMIN));
        this.maySetTargets = actor.hasAny(List.of(Role.SUPERVISOR, Role.BUREAU_ADMIN));
        setWidthFull();

        LocalDate today = LocalDate.now(CHINA);
        year.setLabel(getTranslation("figures.year"));
        year.setId("figures-year");
        year.setStepButtonsVisible(true);
        year.setMin(2000);
        year.setMax(2100);
        year.setValue(today.getYear());
        through.setLabel(getTranslation("figures.through"));
        through.setId("figures-month");
        through.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        through.setItemLabelGenerator(m -> getTranslation("figures.month", m));
        through.setValue(today.getMonthValue());
        year.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                through.setValue(defaultThrough(e.getValue()));
            }
            refresh();
        });
        through.addValueChangeListener(e -> refresh());

        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            int y = currentYear();
            byte[] xlsx = figures.workbook(actor.bureau(), bureau.name(), y);
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "figures-" + y + ".xlsx", XLSX, xlsx.length);
        }), getTranslation("figures.download"));
        download.setId("figures-download");

        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("figures.title")), year, through, download);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        if (actor.has(Role.BUREAU_ADMIN)) {
            // the bureau's own indicators: added and edited here, shown in the grid with the platform's
            Button addOwn = new Button(getTranslation("own.new"), e -> openOwn(null));
            addOwn.setId("own-indicator-new");
            editOwn.setText(getTranslation("own.edit"));
            editOwn.setId("own-indicator-edit");
            editOwn.setEnabled(false);
            editOwn.addClickListener(e -> {
                if (indicator.getValue() != null && indicator.getValue().own()) {
                    openOwn(indicator.getValue());
                }
            });
            bar.add(addOwn, editOwn);
        }
        standing.setId("figures-standing");

        buildGrid();
        add(bar, standing, grid);
        if (mayEnter) {
            add(entryForm());
            periodTotals = new PeriodTotalsForm(totals, actor, this::currentYear, text -> {
                refresh();
                succeed(text);
            });
            Button openTotals = new Button(getTranslation("periods.open"), e -> periodTotals.open());
            openTotals.setId("period-open");
            bar.add(openTotals);
        }
        if (maySetTargets) {
            add(importForm());
        }
        refresh();
    }

    private void buildGrid() {
        grid.setId("figures-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("figures.indicator"))
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> r.indicator().unit()).setHeader(getTranslation("figures.unit")).setAutoWidth(true);
        for (int m = 1; m <= 12; m++) {
            int at = m;
            grid.addColumn(r -> monthText(r, at)).setHeader(getTranslation("figures.month", m))
                    .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        }
        grid.addColumn(r -> FigureText.value(r.target(), r.indicator().unit()))
                .setHeader(getTranslation("figures.target")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        yearToDateColumn = grid.addComponentColumn(this::yearToDateCell).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> cell("last-year", r, periodText(r.lastYear(), r.indicator().unit())))
                .setHeader(getTranslation("figures.last-year")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> cell("yoy", r, FigureText.yearOnYear(r.yearOnYear(), r.indicator().unit(),
                        getTranslation("figures.points"))))
                .setHeader(getTranslation("figures.yoy")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> cell("completion", r, FigureText.percent(r.completion())))
                .setHeader(getTranslation("figures.completion")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> PeriodTotalsForm.cell(this, r)).setHeader(getTranslation("periods.column"))
                .setAutoWidth(true);
        grid.addItemClickListener(e -> choose(e.getItem().indicator()));
    }

    private Component nameCell(Row r) {
        Span name = new Span(name(r.indicator()));
        if (r.indicator().own()) {
            Span own = new Span(getTranslation("own.badge"));
            own.addClassName("jy-own-indicator");
            own.getElement().getThemeList().add("badge small");
            own.getStyle().set("margin-left", "var(--lumo-space-s)");
            if (r.indicator().description() != null) {
                name.setTitle(r.indicator().description());
            }
            return new Span(name, own);
        }
        if (!r.moduleOwned()) {
            return name;
        }
        Span module = new Span(getTranslation("figures.module-owned", moduleName(r.indicator().moduleId())));
        module.addClassName("jy-module-owned");
        module.getElement().getThemeList().add("badge contrast small");
        module.getStyle().set("margin-left", "var(--lumo-space-s)");
        return new Span(name, module);
    }

    private Component yearToDateCell(Row r) {
        Span span = cell("ytd", r, periodText(r.yearToDate(), r.indicator().unit())
                + (r.yearToDate().entered() ? getTranslation("figures.latest-entered") : "")
                + PeriodTotalsForm.servedBy(this, r));
        return span;
    }

    /** A period's figure with the months it lacks: {@code 52.3亿元（缺2个月）}. */
    private String periodText(cn.jiaoyun.core.indicators.Figures.Period p, String unit) {
        String text = FigureText.value(p.value(), unit);
        int missing = FigureText.missingMonths(p);
        return missing > 0 ? text + getTranslation("figures.missing", missing) : text;
    }

    private static Span cell(String kind, Row r, String text) {
        Span span = new Span(text);
        span.setId(kind + "-" + domId(r.indicator().code()));
        return span;
    }

    private String monthText(Row r, int m) {
        return r.months().stream().filter(c -> c.month() == m).findFirst()
                .map(c -> c.withheld() ? getTranslation("figures.withheld") : c.value() == null ? ""
                        : FigureText.value(c.value(), r.indicator().unit())
                        + (c.entered() ? getTranslation("figures.entered-mark") : ""))
                .orElse("");
    }

    private Component entryForm() {
        H3 heading = new H3(getTranslation("figures.entry"));
        indicator.setLabel(getTranslation("figures.indicator"));
        indicator.setId("entry-indicator");
        indicator.setItemLabelGenerator(this::name);
        indicator.setWidth("18em");
        indicator.addValueChangeListener(e -> indicatorChosen());
        month.setLabel(getTranslation("figures.entry-month"));
        month.setId("entry-month");
        month.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        month.setItemLabelGenerator(m -> getTranslation("figures.month", m));
        month.setValue(through.getValue());
        value.setLabel(getTranslation("figures.value"));
        value.setId("entry-value");
        unit.setLabel(getTranslation("figures.unit"));
        unit.setId("entry-unit");
        withheld.setLabel(getTranslation("figures.withheld-mark"));
        withheld.setId("entry-withheld");
        withheld.addValueChangeListener(e -> value.setEnabled(!e.getValue()));
        Button save = new Button(getTranslation("figures.save"), e -> saveMonth(false));
        save.setId("entry-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("figures.clear"), e -> saveMonth(true));
        clear.setId("entry-clear");
        HorizontalLayout monthLine = new HorizontalLayout(indicator, month, value, unit, withheld, save, clear);
        monthLine.setAlignItems(FlexComponent.Alignment.BASELINE);
        monthLine.setWrap(true);
        entryMessage.setId("entry-message");
        entryMessage.getElement().setAttribute("role", "status");
        VerticalLayout form = new VerticalLayout(heading, monthLine);
        if (maySetTargets) {
            targetValue.setLabel(getTranslation("figures.target"));
            targetValue.setId("target-value");
            targetUnit.setLabel(getTranslation("figures.unit"));
            targetUnit.setId("target-unit");
            Button saveTarget = new Button(getTranslation("figures.save-target"), e -> saveTarget());
            saveTarget.setId("target-save");
            HorizontalLayout targetLine = new HorizontalLayout(targetValue, targetUnit, saveTarget);
            targetLine.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.add(targetLine);
        }
        form.add(entryMessage);
        form.setPadding(false);
        form.setId("figures-entry");
        return form;
    }

    private Component importForm() {
        H3 heading = new H3(getTranslation("figures.import"));
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        String ip = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            int y = currentYear();
            Object outcome;
            try {
                outcome = figures.importWorkbook(actor, y, metadata.fileName(), bytes, ip);
            } catch (RuntimeException e) {
                outcome = e;
            }
            Object result = outcome;
            ui.access(() -> {
                importErrors.removeAll();
                if (result instanceof BureauFigures.Imported done) {
                    importResult.setText(getTranslation("figures.imported", metadata.fileName(), done.months(),
                            done.targets(), done.skippedRows()));
                    refresh();
                } else if (result instanceof ApiProblem refused) {
                    importResult.setText(refused.detail(locale));
                    refused.fieldErrors().forEach(f -> importErrors.add(new ListItem(ApiProblem.message(f, locale))));
                } else {
                    importResult.setText(getTranslation("figures.import-failed", metadata.fileName()));
                }
                upload.clearFileList();
            });
        }));
        upload.setId("figures-upload");
        upload.setAcceptedFileTypes(".xlsx");
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(this));
        importResult.setId("import-result");
        importResult.getElement().setAttribute("role", "status");
        importErrors.setId("import-errors");
        importErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout form = new VerticalLayout(heading, new Span(getTranslation("figures.import-hint")), upload,
                importResult, importErrors);
        form.setPadding(false);
        return form;
    }

    private void refresh() {
        Integer y = year.getValue();
        Integer m = through.getValue();
        if (y == null || m == null || y < 2000 || y > 2100) {
            return;
        }
        BureauFigures.Sheet sheet = figures.sheet(actor.bureau(), y, m);
        rows = sheet.rows();
        yearToDateColumn.setHeader(getTranslation(m == 1 ? "figures.ytd-january" : "figures.ytd", m));
        grid.setItems(rows);
        // widths follow the figures now shown, not those of the first rendering
        grid.recalculateColumnWidths();
        if (mayEnter) {
            Indicator chosen = indicator.getValue();
            indicator.setItems(rows.stream().map(Row::indicator).toList());
            indicator.setValue(chosen != null ? find(chosen.code()).orElse(null)
                    : find(RANKED).or(() -> rows.stream().map(Row::indicator).filter(i -> i.moduleId() == null).findFirst())
                    .orElse(null));
            if (month.getValue() == null || !month.getValue().equals(m)) {
                month.setValue(m);
            }
            periodTotals.show(rows);
        }
        showStanding(indicator.getValue() != null ? indicator.getValue() : find(RANKED).orElse(null));
    }

    private Optional<Indicator> find(String code) {
        return rows.stream().map(Row::indicator).filter(i -> i.code().equals(code)).findFirst();
    }

    private void choose(Indicator chosen) {
        if (mayEnter) {
            indicator.setValue(chosen);
        } else {
            showStanding(chosen);
        }
    }

    private void indicatorChosen() {
        Indicator i = indicator.getValue();
        entryMessage.setText("");
        entryMessage.getStyle().remove("color");
        value.setInvalid(false);
        editOwn.setEnabled(i != null && i.own());
        if (i == null) {
            return;
        }
        boolean own = i.moduleId() == null;
        List<String> scales = FigureText.scales(i.unit());
        unit.setItems(scales);
        unit.setValue(i.unit());
        unit.setEnabled(own && scales.size() > 1);
        value.setEnabled(own && !withheld.getValue());
        value.clear();
        month.setEnabled(own);
        withheld.setEnabled(own);
        if (!own) {
            entryMessage.setText(getTranslation("figures.module-read-only", name(i), moduleName(i.moduleId())));
        }
        if (maySetTargets) {
            targetUnit.setItems(scales);
            targetUnit.setValue(i.unit());
            targetUnit.setEnabled(scales.size() > 1);
            targetValue.setValue(rows.stream().filter(r -> r.indicator().code().equals(i.code())).findFirst()
                    .map(Row::target).orElse(null));
        }
        showStanding(i);
    }

    private void saveMonth(boolean clear) {
        Indicator i = indicator.getValue();
        Integer m = month.getValue();
        if (i == null || m == null) {
            fail(getTranslation("figures.choose-first"));
            return;
        }
        BureauFigures.Entry entry;
        if (clear) {
            entry = new BureauFigures.Entry(i.code(), m, null, null, false);
        } else if (withheld.getValue()) {
            entry = new BureauFigures.Entry(i.code(), m, null, null, true);
        } else if (value.getValue() == null) {
            fail(getTranslation("figures.value-missing"));
            return;
        } else {
            entry = new BureauFigures.Entry(i.code(), m, value.getValue(), unit.getValue(), false);
        }
        value.setInvalid(false);
        try {
            figures.enter(actor, currentYear(), List.of(entry), "entry", clientIp());
        } catch (ApiProblem refused) {
            // a value out of bounds (250 %) or over a computed rate: said at the value field too
            refused.fieldErrors().stream().filter(f -> f.field().endsWith(".value")).findFirst().ifPresent(f -> {
                value.setErrorMessage(ApiProblem.message(f, getLocale()));
                value.setInvalid(true);
            });
            fail(refusal(refused));
            return;
        }
        value.clear();
        withheld.setValue(false);
        refresh();
        succeed(getTranslation(clear ? "figures.cleared" : "figures.saved", name(i), currentYear(), m));
    }

    /** Opens the dialog of a new ({@code existing} null) or an own indicator; the grid shows it after. */
    private void openOwn(Indicator existing) {
        new OwnIndicatorDialog(ownIndicators, actor, existing, clientIp(), saved -> {
            refresh();
            if (mayEnter) {
                indicator.setValue(saved == null ? null : find(saved.code()).orElse(null));
            }
            succeed(getTranslation(saved == null ? "own.deleted" : "own.saved",
                    saved == null ? name(existing) : name(saved)));
        }).open();
    }

    private void saveTarget() {
        Indicator i = indicator.getValue();
        if (i == null || !maySetTargets) {
            fail(getTranslation("figures.choose-first"));
            return;
        }
        try {
            figures.target(actor, currentYear(), i.code(), targetValue.getValue(), targetUnit.getValue(), clientIp());
        } catch (ApiProblem refused) {
            fail(refusal(refused));
            return;
        }
        refresh();
        succeed(getTranslation(targetValue.getValue() == null ? "figures.target-removed" : "figures.target-saved",
                name(i), currentYear()));
    }

    private String refusal(ApiProblem refused) {
        Locale locale = getLocale();
        if (refused.fieldErrors().isEmpty()) {
            return refused.detail(locale);
        }
        return String.join("；", refused.fieldErrors().stream().map(f -> ApiProblem.message(f, locale)).toList());
    }

    private void fail(String text) {
        entryMessage.setText(text);
        entryMessage.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    private void succeed(String text) {
        entryMessage.setText(text);
        entryMessage.getStyle().set("color", "var(--lumo-success-text-color)");
    }

    /** Where the bureau stands on a published indicator among its city's bureaus, when the city shows it. */
    private void showStanding(Indicator i) {
        standing.setText("");
        String region = bureau.parentRegionCode();
        Integer y = year.getValue();
        Integer m = through.getValue();
        if (i == null || !i.published() || region == null || y == null || m == null || !comparison.bureausSeeRank(region)) {
            return;
        }
        RegionalComparison.Standing s = comparison.standing(region, bureau.id(), i.code(), "ytd", y, m);
        String parent = bureau.parentName() == null ? region : bureau.parentName();
        String period = getTranslation(m == 1 ? "figures.standing-january" : "figures.standing-period", m);
        standing.setText(s.rank() == null
                ? getTranslation("figures.standing-unranked", name(i), period, parent, s.peers())
                : getTranslation("figures.standing", name(i), period, parent, s.peers(), s.rank()));
    }

    private int currentYear() {
        return year.getValue() == null ? LocalDate.now(CHINA).getYear() : year.getValue();
    }

    private static int defaultThrough(int year) {
        LocalDate today = LocalDate.now(CHINA);
        return year < today.getYear() ? 12 : year > today.getYear() ? 1 : today.getMonthValue();
    }

    private static String clientIp() {
        return VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
    }

    private String name(Indicator i) {
        return "en".equals(getLocale().getLanguage()) ? i.nameEn() : i.nameZh();
    }

    private String moduleName(String moduleId) {
        String name = getTranslation("module." + moduleId);
        return name.startsWith("!") ? moduleId : name;
    }

    /** An indicator's code as an element id: {@code invest.effective} → {@code invest-effective}. */
    public static String domId(String code) {
        return code.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("figures.title") + " · " + getTranslation("app.name");
    }
}
