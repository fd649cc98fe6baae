package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemDetail;
import cn.jiaoyun.core.assessment.ItemContentSync;
import cn.jiaoyun.core.assessment.WorkListChanges.ItemChange;
import cn.jiaoyun.core.assessment.WorkListEditing;
import cn.jiaoyun.core.assessment.extraction.ExtractedTarget;
import cn.jiaoyun.core.assessment.scoring.DeductionRuleText;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Adds an item to a list or changes one: title, content, points, supervising departments. The
 * targets and deduction rules read from the content are shown while typing, as the import reads
 * them. Changing the points or targets of an item already reported on or reviewed asks first.
 */
final class ItemDialog extends Dialog {

    private final WorkListEditing editing;
    private final ItemContentSync reading;
    private final Actor actor;
    private final TextField title = new TextField();
    private final TextArea content = new TextArea();
    private final TextField points = new TextField();
    private final MultiSelectComboBox<Department> departments = new MultiSelectComboBox<>();
    private final Div read = new Div();
    private final ProblemOnFields problems = new ProblemOnFields("item-problems");
    private final Locale locale;

    /**
     * @param existing the item to change, or null to add one to {@code listId}
     */
    ItemDialog(WorkListEditing editing, ItemContentSync reading, Actor actor, long listId, @Nullable ItemDetail existing,
               List<Department> activeDepartments, Consumer<ItemDetail> saved) {
        this.editing = editing;
        this.reading = reading;
        this.actor = actor;
        this.locale = UI.getCurrent().getLocale();
        setId("item-dialog");
        setHeaderTitle(getTranslation(existing == null ? "item.new.title" : "item.edit.title"));
        title.setId("item-title-field");
        title.setLabel(getTranslation("item.title"));
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        content.setId("item-content-field");
        content.setLabel(getTranslation("item.content"));
        content.setHelperText(getTranslation("item.content.help"));
        content.setRequiredIndicatorVisible(true);
        content.setWidthFull();
        content.setMinHeight("8em");
        content.setValueChangeMode(ValueChangeMode.LAZY);
        content.addValueChangeListener(e -> showRead());
        points.setId("item-points");
        points.setLabel(getTranslation("worklist.points"));
        points.setRequiredIndicatorVisible(true);
        points.setSuffixComponent(new Span(getTranslation("worklist.points.unit")));
        departments.setId("item-departments");
        departments.setLabel(getTranslation("item.departments"));
        departments.setRequiredIndicatorVisible(true);
        departments.setItems(activeDepartments.stream().sorted(Comparator.comparingInt(Department::sortOrder)).toList());
        departments.setItemLabelGenerator(Department::name);
        departments.setWidthFull();
        read.setId("item-read");
        read.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        problems.bind("title", title).bind("content", content).bind("points", points).bind("departmentIds", departments);
        if (existing != null) {
            title.setValue(existing.item().title());
            content.setValue(existing.item().content());
            points.setValue(existing.item().points() == null ? ""
                    : existing.item().points().stripTrailingZeros().toPlainString());
            departments.setValue(activeDepartments.stream().filter(d -> existing.departments().contains(d.name())).toList());
        }
        FormLayout form = new FormLayout(title, points, content, departments);
        form.setColspan(title, 2);
        form.setColspan(content, 2);
        form.setColspan(departments, 2);
        add(form, read, problems.line());
        setWidth("48em");
        showRead();

        Button ok = new Button(getTranslation("action.save"), e -> save(listId, existing, saved, false));
        ok.setId("item-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    }

    private void save(long listId, @Nullable ItemDetail existing, Consumer<ItemDetail> saved, boolean confirmed) {
        ItemChange change = new ItemChange(title.getValue(), content.getValue(), points.getValue(),
                departments.getValue().stream().map(Department::id).toList(), confirmed ? Boolean.TRUE : null);
        String ip = VaadinRequest.getCurrent().getRemoteAddr();
        try {
            ItemDetail detail = existing == null ? editing.addItem(actor, listId, change, ip)
                    : editing.changeItem(actor, existing.item().id(), change, ip);
            close();
            saved.accept(detail);
        } catch (ApiProblem problem) {
            if (problem.status().getCode() == 409 && existing != null
                    && problem.fieldErrors().stream().anyMatch(f -> f.field().equals("confirm"))) {
                askToConfirm(problem, () -> save(listId, existing, saved, true));
            } else {
                problems.show(problem, locale);
            }
        }
    }

    private void askToConfirm(ApiProblem problem, Runnable confirmed) {
        ConfirmDialog ask = new ConfirmDialog();
        ask.setId("confirm-change");
        ask.setHeader(getTranslation("item.confirm.title"));
        ask.setText(problem.detail(locale));
        ask.setCancelable(true);
        ask.setCancelText(getTranslation("action.cancel"));
        ask.setConfirmText(getTranslation("item.confirm.ok"));
        ask.addConfirmListener(e -> confirmed.run());
        ask.open();
    }

    /** What the content states, read as on import. */
    private void showRead() {
        read.removeAll();
        String text = content.getValue() == null ? "" : content.getValue();
        List<String> parts = new ArrayList<>();
        for (ExtractedTarget t : reading.targetsOf(text)) {
            parts.add(t.subject() + " " + t.comparator().symbol() + " "
                    + (t.valueKnown() && t.value() != null ? t.value().stripTrailingZeros().toPlainString() : "?") + t.unit()
                    + t.deadline().map(d -> "（" + d.label() + "）").orElse(""));
        }
        List<String> rules = new ArrayList<>();
        for (DeductionRuleText r : reading.rulesOf(text, null)) {
            rules.add(r.condition() + "：" + getTranslation("item.rule.each",
                    r.pointsPerOccurrence().stripTrailingZeros().toPlainString())
                    + (r.cap() == null ? "" : getTranslation("item.rule.cap", r.cap().stripTrailingZeros().toPlainString())));
        }
        Div targetsLine = new Div(new Span(getTranslation("item.read.targets") + " "
                + (parts.isEmpty() ? getTranslation("item.read.none") : String.join("；", parts))));
        targetsLine.setId("item-read-targets");
        Div rulesLine = new Div(new Span(getTranslation("item.read.rules") + " "
                + (rules.isEmpty() ? getTranslation("item.read.none") : String.join("；", rules))));
        rulesLine.setId("item-read-rules");
        read.add(targetsLine, rulesLine);
    }
}
