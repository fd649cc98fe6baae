package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** What the module's pages share: figures as the bureaus write them, messages, role checks. */
final class Ui {

    private Ui() {
    }

    /** 万吨, 万元 and 万吨公里 with two decimals and thousands separators: {@code 1,234.50}; a dash when unknown. */
    static String amount(BigDecimal v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_UP));
    }

    /** A figure in its unit: TEU as a whole number, the others as {@link #amount}. */
    static String figure(BigDecimal v, String unit) {
        if (v == null) {
            return "—";
        }
        return "TEU".equals(unit) ? String.format(Locale.ROOT, "%,d", v.setScale(0, RoundingMode.HALF_UP).longValue()) : amount(v);
    }

    /** A change as the reports write it: {@code +12.3%}, {@code -4.0%}; a dash when unknown. */
    static String change(BigDecimal percent) {
        if (percent == null) {
            return "—";
        }
        return (percent.signum() > 0 ? "+" : "") + percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** {@code 2023年6月} or {@code June 2023}. */
    static String month(ModuleViewContext view, YearMonth m) {
        return view.text(m.getYear() + "年" + m.getMonthValue() + "月",
                m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear());
    }

    static String label(ModuleViewContext view, Labelled value) {
        return value == null ? "" : view.text(value.zh(), value.en());
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

    /** A line for a form's message, in the error colour, empty until set. */
    static Div errorLine(String id) {
        Div error = new Div();
        error.setId(id);
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("min-height", "1.5em");
        return error;
    }

    /** A list of messages (problems of an import, notes of a report). */
    static void fill(UnorderedList list, List<String> items, boolean error) {
        list.removeAll();
        for (String s : items) {
            ListItem item = new ListItem(s);
            if (error) {
                item.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            list.add(item);
        }
    }

    /** A small grey note. */
    static Div note(String text) {
        Div note = new Div(text);
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return note;
    }
}
