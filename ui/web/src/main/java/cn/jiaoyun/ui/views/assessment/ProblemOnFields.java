package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.web.ApiProblem;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a refusal where the person typed: each field error on the field the service named, the
 * rest (and a refusal naming no field) on a line of its own.
 */
final class ProblemOnFields {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Div line = new Div();

    ProblemOnFields(String lineId) {
        line.setId(lineId);
        line.getElement().setAttribute("role", "alert");
        line.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    /** The field that shows errors the service names {@code name}; validated by the service only. */
    ProblemOnFields bind(String name, HasValidation field) {
        field.setManualValidation(true);
        fields.put(name, field);
        return this;
    }

    Div line() {
        return line;
    }

    void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        line.setText("");
    }

    void show(ApiProblem problem, Locale locale) {
        clear();
        Map<HasValidation, List<String>> onFields = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (ApiProblem.FieldError error : problem.fieldErrors()) {
            HasValidation field = fields.get(error.field());
            String message = ApiProblem.message(error, locale);
            if (field == null) {
                elsewhere.add(error.field() + ": " + message);
            } else {
                onFields.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            }
        }
        onFields.forEach((field, messages) -> {
            field.setErrorMessage(String.join("；", messages));
            field.setInvalid(true);
        });
        if (onFields.isEmpty() || !elsewhere.isEmpty()) {
            line.setText(problem.detail(locale) + (elsewhere.isEmpty() ? "" : " " + String.join("；", elsewhere)));
        }
    }
}
