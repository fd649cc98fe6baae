package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.ValueProvider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the module's pages share: figures as bureaus write them (公里 with up to three decimals,
 * 万元 with up to two, rates with one decimal and a per-cent sign, thousands separated), dates
 * {@code 2023-06-30}, months {@code 2023年6月}, the code lists' labels in the page's language, and
 * the small form pieces every page uses.
 */
final class Ui {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Ui() {
    }

    /** {@code 1,234.5}: km with up to three decimals; a dash when unknown. */
    static String km(BigDecimal v) {
        return figure(v, "#,##0.###");
    }

    /** {@code 15,000.25}: 万元 with up to two decimals; a dash when unknown. */
    static String wan(BigDecimal v) {
        return figure(v, "#,##0.##");
    }

    /** {@code 103.6%}; a dash when unknown. */
    static String percent(BigDecimal v) {
        return v == null ? "—" : v.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String figure(BigDecimal v, String pattern) {
        if (v == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String time(Instant t) {
        return t == null ? "" : t.atZone(RuralServices.CHINA).format(TIME);
    }

    /** {@code 2023年6月} or {@code June 2023}. */
    static String month(ModuleViewContext view, YearMonth m) {
        return view.text(m.getYear() + "年" + m.getMonthValue() + "月",
                m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear());
    }

    /** A code's label in the page's language. */
    static String label(ModuleViewContext view, Labels.CodeList list, String code) {
        return code == null ? "" : view.text(list.zh(code), list.en(code));
    }

    static String message(ModuleViewContext view, ModuleProblem problem) {
        return view.text(problem.messageZh(), problem.messageEn());
    }

    static boolean hasAny(ModuleViewContext view, String... roles) {
        for (String r : roles) {
            if (view.user().hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    /** A line for a form's error, in the error colour. */
    static Div errorLine(String id) {
        Div error = new Div();
        error.setId(id);
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("min-height", "1.5em");
        return error;
    }

    /** A small grey note. */
    static Div note(String text) {
        Div note = new Div(text);
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("max-width", "60em");
        return note;
    }

    /** A date picker writing {@code 2023-06-30}. */
    static DatePicker datePicker(ModuleViewContext view, String label, String id) {
        DatePicker picker = new DatePicker(label);
        picker.setId(id);
        boolean english = Locale.ENGLISH.getLanguage().equals(view.locale().getLanguage());
        picker.setLocale(english ? Locale.UK : Locale.CHINA);
        picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1));
        return picker;
    }

    /** A select of a code list's codes, labelled in the page's language. */
    static Select<String> codes(ModuleViewContext view, Labels.CodeList list, String label, String id) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setId(id);
        select.setItems(list.codes());
        select.setItemLabelGenerator(c -> label(view, list, c));
        return select;
    }

    /** A select of years, the latest first. */
    static Select<Integer> years(ModuleViewContext view, List<Integer> years, String id) {
        Select<Integer> select = new Select<>();
        select.setLabel(view.text("年度", "Year"));
        select.setId(id);
        select.setItems(years);
        select.setItemLabelGenerator(y -> view.text(y + "年", String.valueOf(y)));
        select.setValue(years.get(0));
        return select;
    }

    /** A right-aligned figure column. */
    static <T> Grid.Column<T> figureColumn(Grid<T> grid, ValueProvider<T, String> value, String header) {
        return grid.addColumn(value).setHeader(header).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
    }

    /** Fields in a wrapping row, aligned on their baselines. */
    static HorizontalLayout row(Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }
}
