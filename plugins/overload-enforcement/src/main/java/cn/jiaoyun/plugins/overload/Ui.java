package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the module's pages share: numbers, dates and messages as the bureaus write them. */
final class Ui {

    static final String ADMIN = "BUREAU_ADMIN";
    static final String SUPERVISOR = "SUPERVISOR";
    static final String REPORTER = "REPORTER";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Ui() {
    }

    /** A whole number with thousands separators: {@code 49,000}. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A percentage with two decimals: {@code 16.67%}. */
    static String percent(BigDecimal p) {
        return p == null ? "" : p.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(DATE);
    }

    /** A time in China Standard Time. */
    static String time(Instant t) {
        return t == null ? "" : t.atZone(PassRecord.CHINA).format(TIME);
    }

    /** {@code 2020年6月} or {@code June 2020}. */
    static String month(ModuleViewContext view, YearMonth m) {
        return view.text(m.getYear() + "年" + m.getMonthValue() + "月",
                m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear());
    }

    static String roadClass(ModuleViewContext view, String roadClass) {
        return "EXPRESSWAY".equals(roadClass) ? view.text("高速公路", "Expressway")
                : "ORDINARY".equals(roadClass) ? view.text("普通公路", "Ordinary road") : String.valueOf(roadClass);
    }

    static String status(ModuleViewContext view, Cases.Status status) {
        return view.text(Cases.label(status), Cases.labelEn(status));
    }

    static String yesNo(ModuleViewContext view, boolean b) {
        return b ? view.text("是", "yes") : view.text("否", "no");
    }

    /** The message of the member's mistake, in the page's language. */
    static String message(ModuleViewContext view, ModuleProblem problem) {
        return view.text(problem.messageZh(), problem.messageEn());
    }

    /** Whether the member holds one of {@code roles}. */
    static boolean hasAny(ModuleViewContext view, String... roles) {
        for (String r : roles) {
            if (view.user().hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    /** A line for a message under a form, in the error colour; empty until set. */
    static Div errorLine(String id) {
        Div error = new Div();
        error.setId(id);
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("min-height", "1.5em");
        return error;
    }

    /** A date picker that reads and writes {@code 2020-06-30}, with Chinese month and day names in Chinese. */
    static DatePicker datePicker(ModuleViewContext view, String label, String id) {
        DatePicker picker = new DatePicker(label);
        picker.setId(id);
        picker.setLocale(Locale.ENGLISH.getLanguage().equals(view.locale().getLanguage()) ? Locale.UK : Locale.CHINA);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1);
        if (!Locale.ENGLISH.getLanguage().equals(view.locale().getLanguage())) {
            i18n.setMonthNames(List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"))
                    .setWeekdays(List.of("星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"))
                    .setWeekdaysShort(List.of("日", "一", "二", "三", "四", "五", "六"))
                    .setToday("今天").setCancel("取消");
        }
        picker.setI18n(i18n);
        return picker;
    }
}
