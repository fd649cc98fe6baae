package cn.jiaoyun.ui.views.figures;

import cn.jiaoyun.core.indicators.BureauFigures.Row;
import cn.jiaoyun.core.indicators.BureauPeriodTotals;
import cn.jiaoyun.core.indicators.Indicator;
import cn.jiaoyun.core.indicators.PeriodTotals;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.component.FigureText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.server.VaadinRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The dialog for a quarter, half-year or year total (一季度…四季度, 上半年, 下半年, 全年) on the figures page,
 * for a summary that states such a total where the months are unknown: a value in any scale of the
 * unit, or for a rate numerator and denominator (or the rate typed). Every field says at the field
 * what is missing or wrong, including what the server refuses. The grid's column of totals and the
 * note on the year to date come from here too.
 */
class PeriodTotalsForm extends Dialog {

    private final BureauPeriodTotals totals;
    private final Actor actor;
    private final IntSupplier year;
    private final Consumer<String> saved;

    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final Select<PeriodTotals.Span> period = new Select<>();
    private final BigDecimalField value = new BigDecimalField();
    private final Select<String> unit = new Select<>();
    private final BigDecimalField numerator = new BigDecimalField();
    private final BigDecimalField denominator = new BigDecimalField();
    private final Div message = new Div();
    private List<Row> rows = List.of();

    PeriodTotalsForm(BureauPeriodTotals totals, Actor actor, IntSupplier year, Consumer<String> saved) {
        this.totals = totals;
        this.actor = actor;
        this.year = year;
        this.saved = saved;
        setId("period-totals");
        setHeaderTitle(getTranslation("periods.title"));
        setWidth("min(64em, 95vw)");

        indicator.setLabel(getTranslation("figures.indicator"));
        indicator.setId("period-indicator");
        indicator.setItemLabelGenerator(this::name);
        indicator.setWidth("18em");
        indicator.setRequiredIndicatorVisible(true);
        indicator.addValueChangeListener(e -> chosen());
        period.setLabel(getTranslation("periods.period"));
        period.setId("period-span");
        period.setItems(PeriodTotals.Span.values());
        period.setItemLabelGenerator(s -> s.label(getLocale()));
        period.setRequiredIndicatorVisible(true);
        period.addValueChangeListener(e -> {
            period.setInvalid(false);
            showCurrent();
        });
        value.setLabel(getTranslation("figures.value"));
        value.setId("period-value");
        value.addValueChangeListener(e -> checkNotNegative(value));
        unit.setLabel(getTranslation("figures.unit"));
        unit.setId("period-unit");
        numerator.setLabel(getTranslation("periods.numerator"));
        numerator.setId("period-numerator");
        numerator.addValueChangeListener(e -> checkNotNegative(numerator));
        denominator.setLabel(getTranslation("periods.denominator"));
        denominator.setId("period-denominator");
        denominator.addValueChangeListener(e -> {
            denominator.setInvalid(false);
            if (e.getValue() != null && e.getValue().signum() <= 0) {
                invalid(denominator, getTranslation("periods.denominator-positive"));
            }
        });
        // the checks here and the server's refusals decide what is invalid, not the fields' own validation
        indicator.setManualValidation(true);
        period.setManualValidation(true);
        value.setManualValidation(true);
        unit.setManualValidation(true);
        numerator.setManualValidation(true);
        denominator.setManualValidation(true);
        Button save = new Button(getTranslation("periods.save"), e -> save(false));
        save.setId("period-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button remove = new Button(getTranslation("periods.remove"), e -> save(true));
        remove.setId("period-remove");
        HorizontalLayout line = new HorizontalLayout(indicator, period, value, unit, numerator, denominator);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        message.setId("period-message");
        message.getElement().setAttribute("role", "status");
        Button close = new Button(getTranslation("periods.close"), e -> close());
        close.setId("period-close");
        VerticalLayout content = new VerticalLayout(new Span(getTranslation("periods.hint")), line, message);
        content.setPadding(false);
        add(content);
        getFooter().add(remove, close, save);
        chosen();
    }

    /** The sheet's rows as now shown: the indicators to choose from and their totals. */
    void show(List<Row> shown) {
        rows = shown;
        Indicator chosen = indicator.getValue();
        List<Indicator> own = shown.stream().map(Row::indicator).filter(i -> i.moduleId() == null).toList();
        indicator.setItems(own);
        if (chosen != null) {
            indicator.setValue(own.stream().filter(i -> i.code().equals(chosen.code())).findFirst().orElse(null));
        }
        showCurrent();
    }

    private void chosen() {
        Indicator i = indicator.getValue();
        indicator.setInvalid(false);
        boolean ratio = i != null && "RATIO".equals(i.aggregation());
        numerator.setVisible(ratio);
        denominator.setVisible(ratio);
        List<String> scales = i == null ? List.of() : FigureText.scales(i.unit());
        unit.setItems(scales);
        if (i != null) {
            unit.setValue(i.unit());
        }
        unit.setEnabled(scales.size() > 1);
        showCurrent();
    }

    /** The chosen total as stored, in the indicator's unit, so that it can be corrected or removed. */
    private void showCurrent() {
        Indicator i = indicator.getValue();
        PeriodTotals.Span s = period.getValue();
        value.clear();
        numerator.clear();
        denominator.clear();
        List.<HasValidation>of(value, numerator, denominator, unit).forEach(f -> f.setInvalid(false));
        if (i == null || s == null) {
            return;
        }
        rows.stream().filter(r -> r.indicator().code().equals(i.code())).findFirst()
                .flatMap(r -> r.periods().stream().filter(p -> p.period().equals(s.name())).findFirst())
                .ifPresent(p -> {
                    unit.setValue(i.unit());
                    if (p.numerator() != null) {
                        numerator.setValue(p.numerator().stripTrailingZeros());
                        denominator.setValue(p.denominator().stripTrailingZeros());
                    } else {
                        value.setValue(p.value().stripTrailingZeros());
                    }
                });
    }

    private void save(boolean remove) {
        Indicator i = indicator.getValue();
        PeriodTotals.Span s = period.getValue();
        message.setText("");
        boolean missing = false;
        if (i == null) {
            invalid(indicator, getTranslation("periods.required"));
            missing = true;
        }
        if (s == null) {
            invalid(period, getTranslation("periods.required"));
            missing = true;
        }
        if (missing) {
            return;
        }
        boolean ratio = "RATIO".equals(i.aggregation());
        boolean parts = ratio && (numerator.getValue() != null || denominator.getValue() != null);
        if (!remove && !parts && value.getValue() == null) {
            invalid(value, getTranslation(ratio ? "periods.value-or-parts" : "periods.value-missing"));
            return;
        }
        if (value.isInvalid() || numerator.isInvalid() || denominator.isInvalid()) {
            return;
        }
        BureauPeriodTotals.Entry entry = remove
                ? new BureauPeriodTotals.Entry(i.code(), s.name(), null, null, null, null)
                : parts ? new BureauPeriodTotals.Entry(i.code(), s.name(), null, null, numerator.getValue(),
                        denominator.getValue())
                : new BureauPeriodTotals.Entry(i.code(), s.name(), value.getValue(), unit.getValue(), null, null);
        try {
            totals.enter(actor, year.getAsInt(), List.of(entry), clientIp());
        } catch (ApiProblem refused) {
            showRefusal(refused);
            return;
        }
        close();
        saved.accept(getTranslation(remove ? "periods.removed" : "periods.saved", name(i), year.getAsInt(),
                s.label(getLocale())));
    }

    /** Each refused field's message on the field itself; anything else under the form. */
    private void showRefusal(ApiProblem refused) {
        Locale locale = getLocale();
        Map<String, HasValidation> fields = Map.<String, HasValidation>of("code", indicator, "period", period, "value", value, "unit", unit,
                "numerator", numerator, "denominator", denominator);
        List<String> elsewhere = new ArrayList<>();
        for (ApiProblem.FieldError f : refused.fieldErrors()) {
            String name = f.field().substring(f.field().lastIndexOf('.') + 1);
            HasValidation field = fields.get(name);
            if (field != null) {
                invalid(field, ApiProblem.message(f, locale));
            } else {
                elsewhere.add(ApiProblem.message(f, locale));
            }
        }
        if (refused.fieldErrors().isEmpty()) {
            elsewhere.add(refused.detail(locale));
        }
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        message.setText(String.join("；", elsewhere));
    }

    private void checkNotNegative(BigDecimalField field) {
        field.setInvalid(false);
        if (field.getValue() != null && field.getValue().signum() < 0) {
            invalid(field, getTranslation("periods.not-negative"));
        }
    }

    private static void invalid(HasValidation field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    private String name(Indicator i) {
        return "en".equals(getLocale().getLanguage()) ? i.nameEn() : i.nameZh();
    }

    /** The grid's cell of a row's totals: {@code 上半年 6.15亿元}, a disagreement with the months' figure marked. */
    static Component cell(Component owner, Row r) {
        Locale locale = locale();
        Span cell = new Span();
        cell.setId("periods-" + FiguresView.domId(r.indicator().code()));
        List<String> parts = new ArrayList<>();
        boolean disagrees = false;
        for (PeriodTotals.Shown p : r.periods()) {
            String label = PeriodTotals.Span.valueOf(p.period()).label(locale);
            String text = label + " " + FigureText.withUnit(p.value(), r.indicator().unit());
            if (p.disagrees()) {
                disagrees = true;
                text += owner.getTranslation("periods.disagrees",
                        FigureText.withUnit(p.months(), r.indicator().unit()));
            }
            parts.add(text);
        }
        cell.setText(String.join("；", parts));
        if (disagrees) {
            cell.addClassName("jy-period-disagrees");
            cell.getElement().getThemeList().add("badge error");
            cell.getElement().setAttribute("title", owner.getTranslation("periods.disagrees-title"));
        }
        return cell;
    }

    /** What the year to date says when a total serves it: {@code （含上半年合计）}; empty otherwise. */
    static String servedBy(Component owner, Row r) {
        String labels = r.yearToDateSources().stream()
                .filter(s -> PeriodTotals.Span.parse(s).isPresent())
                .map(s -> PeriodTotals.Span.valueOf(s).label(locale()))
                .collect(Collectors.joining("、"));
        return labels.isEmpty() ? "" : owner.getTranslation("periods.served-by", labels);
    }

    /** The page's language, for texts made outside the form (the grid's cells). */
    private static Locale locale() {
        return UI.getCurrent() == null ? Locale.SIMPLIFIED_CHINESE : UI.getCurrent().getLocale();
    }

    private static String clientIp() {
        return VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
    }
}
