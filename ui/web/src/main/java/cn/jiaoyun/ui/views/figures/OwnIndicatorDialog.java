package cn.jiaoyun.ui.views.figures;

import cn.jiaoyun.core.indicators.BureauIndicators;
import cn.jiaoyun.core.indicators.Indicator;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adds or edits one of the bureau's own indicators (公交车辆数, 双随机检查户次…): name, English name,
 * unit, how months add up, the better direction and a description. Every refusal is shown at its
 * field (an empty or duplicate name, a unit too long, a unit that can no longer change because the
 * indicator has figures); an indicator without figures can also be deleted here.
 */
class OwnIndicatorDialog extends Dialog {

    private final TextField name = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField unit = new TextField();
    private final Select<String> aggregation = new Select<>();
    private final Select<String> direction = new Select<>();
    private final TextArea description = new TextArea();
    private final Div error = new Div();

    /**
     * @param existing the indicator to edit, or null for a new one
     * @param done     called with the saved indicator (null when deleted) after the dialog closed
     */
    OwnIndicatorDialog(BureauIndicators indicators, Actor actor, Indicator existing, String clientIp,
                       Consumer<Indicator> done) {
        setId("own-indicator-dialog");
        setHeaderTitle(getTranslation(existing == null ? "own.dialog-new" : "own.dialog-edit"));
        name.setLabel(getTranslation("own.name"));
        name.setId("own-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(60);
        name.setPlaceholder(getTranslation("own.name-placeholder"));
        nameEn.setLabel(getTranslation("own.name-en"));
        nameEn.setId("own-name-en");
        unit.setLabel(getTranslation("own.unit"));
        unit.setId("own-unit");
        unit.setRequiredIndicatorVisible(true);
        unit.setPlaceholder(getTranslation("own.unit-placeholder"));
        aggregation.setLabel(getTranslation("own.aggregation"));
        aggregation.setId("own-aggregation");
        aggregation.setItems("SUM", "AVERAGE", "LAST", "RATIO");
        aggregation.setItemLabelGenerator(a -> getTranslation("own.aggregation." + a));
        aggregation.setRequiredIndicatorVisible(true);
        aggregation.setValue("SUM");
        direction.setLabel(getTranslation("own.direction"));
        direction.setId("own-direction");
        direction.setItems("HIGHER", "LOWER");
        direction.setItemLabelGenerator(d -> getTranslation("own.direction." + d));
        direction.setValue("HIGHER");
        description.setLabel(getTranslation("own.description"));
        description.setId("own-description");
        description.setMaxLength(500);
        if (existing != null) {
            name.setValue(existing.nameZh());
            nameEn.setValue(existing.nameEn().equals(existing.nameZh()) ? "" : existing.nameEn());
            unit.setValue(existing.unit());
            aggregation.setValue(existing.aggregation());
            direction.setValue(existing.direction());
            description.setValue(existing.description() == null ? "" : existing.description());
        }
        error.setId("own-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(name, nameEn, unit, aggregation, direction, description);
        form.setColspan(description, 2);
        add(form, error);

        Button save = new Button(getTranslation("own.save"), e -> {
            clearErrors();
            BureauIndicators.Draft draft = new BureauIndicators.Draft(null, name.getValue(), nameEn.getValue(),
                    unit.getValue(), aggregation.getValue(), direction.getValue(), description.getValue());
            try {
                Indicator saved = existing == null ? indicators.create(actor, draft, clientIp)
                        : indicators.update(actor, existing.code(), draft, clientIp);
                close();
                done.accept(saved);
            } catch (ApiProblem refused) {
                show(refused);
            }
        });
        save.setId("own-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("own.cancel"), e -> close());
        cancel.setId("own-cancel");
        if (existing != null) {
            Button delete = new Button(getTranslation("own.delete"), e -> {
                clearErrors();
                try {
                    indicators.delete(actor, existing.code(), clientIp);
                    close();
                    done.accept(null);
                } catch (ApiProblem refused) {
                    show(refused);
                }
            });
            delete.setId("own-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    /** Each field's reason at the field; a refusal of the whole indicator below the form. */
    private void show(ApiProblem refused) {
        Locale locale = getLocale();
        Map<String, Component> fields = Map.of("name", name, "nameZh", name, "nameEn", nameEn, "unit", unit,
                "aggregation", aggregation, "direction", direction, "description", description);
        List<ApiProblem.FieldError> errors = refused.fieldErrors();
        for (ApiProblem.FieldError f : errors) {
            Component field = fields.get(f.field());
            if (field instanceof HasValidation v) {
                v.setErrorMessage(ApiProblem.message(f, locale));
                v.setInvalid(true);
            }
        }
        if (errors.isEmpty()) {
            error.setText(refused.detail(locale));
        }
    }

    private void clearErrors() {
        error.setText("");
        for (HasValidation v : List.<HasValidation>of(name, nameEn, unit, aggregation, direction, description)) {
            v.setInvalid(false);
        }
    }
}
