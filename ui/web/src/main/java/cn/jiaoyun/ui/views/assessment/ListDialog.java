package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.WorkListChanges.ListChange;
import cn.jiaoyun.core.assessment.WorkListChanges.NewList;
import cn.jiaoyun.core.assessment.WorkListEditing;
import cn.jiaoyun.core.assessment.WorkListKind;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates a work list for a year (kind, title, units, the total the bureau expects) or changes an
 * existing one's title and expected total. Errors show on the fields the service names.
 */
final class ListDialog extends Dialog {

    private final Select<WorkListKind> kind = new Select<>();
    private final TextField title = new TextField();
    private final MultiSelectComboBox<Unit> units = new MultiSelectComboBox<>();
    private final TextField expected = new TextField();
    private final ProblemOnFields problems = new ProblemOnFields("list-problems");

    /** A new list of {@code year}; {@code saved} receives it. */
    static ListDialog create(WorkListEditing editing, Actor actor, int year, List<Unit> activeUnits,
                             Consumer<WorkListSummary> saved) {
        ListDialog dialog = new ListDialog(activeUnits);
        dialog.setHeaderTitle(dialog.getTranslation("worklist.new.title", String.valueOf(year)));
        dialog.kind.addValueChangeListener(e -> {
            if (dialog.title.isEmpty() || !e.isFromClient()) {
                dialog.title.setValue(dialog.getTranslation("worklist.new.default-title." + e.getValue().name(),
                        String.valueOf(year)));
            }
            if (e.getValue() == WorkListKind.KEY && dialog.expected.isEmpty()) {
                dialog.expected.setValue("100");
            }
        });
        dialog.kind.setValue(WorkListKind.KEY);
        dialog.footer(() -> editing.createList(actor, new NewList(year,
                dialog.kind.getValue() == null ? null : dialog.kind.getValue().name(), dialog.title.getValue(),
                dialog.units.getValue().stream().map(Unit::id).toList(), dialog.expected.getValue()), ip()), saved);
        return dialog;
    }

    /** Changes the title and expected total of {@code list}. */
    static ListDialog edit(WorkListEditing editing, Actor actor, WorkListSummary list, List<Unit> allUnits,
                           Consumer<WorkListSummary> saved) {
        ListDialog dialog = new ListDialog(allUnits);
        dialog.setHeaderTitle(dialog.getTranslation("worklist.edit.title"));
        dialog.kind.setValue(list.kind());
        dialog.kind.setReadOnly(true);
        dialog.units.setValue(allUnits.stream().filter(u -> list.unitIds().contains(u.id())).toList());
        dialog.units.setReadOnly(true);
        dialog.title.setValue(list.title());
        dialog.expected.setValue(plain(list.expectedPoints()));
        dialog.footer(() -> editing.changeList(actor, list.id(), new ListChange(dialog.title.getValue(),
                dialog.expected.getValue()), ip()), saved);
        return dialog;
    }

    private ListDialog(List<Unit> unitChoices) {
        setId("list-dialog");
        kind.setId("list-kind");
        kind.setLabel(getTranslation("worklist.kind"));
        kind.setItems(WorkListKind.KEY, WorkListKind.ROUTINE);
        kind.setItemLabelGenerator(k -> getTranslation("worklist.kind." + k.name()));
        kind.setRequiredIndicatorVisible(true);
        title.setId("list-title");
        title.setLabel(getTranslation("worklist.list-title"));
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        units.setId("list-units");
        units.setLabel(getTranslation("worklist.units"));
        units.setItems(unitChoices.stream().sorted(Comparator.comparingInt(Unit::sortOrder)).toList());
        units.setItemLabelGenerator(Unit::name);
        units.setRequiredIndicatorVisible(true);
        units.setHelperText(getTranslation("worklist.units.help"));
        units.setWidthFull();
        expected.setId("list-expected");
        expected.setLabel(getTranslation("worklist.expected"));
        expected.setHelperText(getTranslation("worklist.expected.help"));
        expected.setSuffixComponent(new Span(getTranslation("worklist.points.unit")));
        problems.bind("kind", kind).bind("title", title).bind("unitIds", units).bind("expectedPoints", expected);
        FormLayout form = new FormLayout(kind, title, units, expected);
        form.setColspan(title, 2);
        form.setColspan(units, 2);
        add(form, problems.line());
        setWidth("40em");
    }

    private void footer(Supplier<WorkListSummary> save, Consumer<WorkListSummary> saved) {
        Locale locale = UI.getCurrent().getLocale();
        Button ok = new Button(getTranslation("action.save"), e -> {
            try {
                WorkListSummary list = save.get();
                close();
                saved.accept(list);
            } catch (ApiProblem problem) {
                problems.show(problem, locale);
            }
        });
        ok.setId("list-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String ip() {
        return VaadinRequest.getCurrent().getRemoteAddr();
    }
}
