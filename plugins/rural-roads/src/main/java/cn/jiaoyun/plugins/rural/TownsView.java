package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "四好农村路"示范乡镇: the towns in creation with their step and how much of the checklist is met;
 * the chosen town's checklist below. Administrators list towns and criteria; administrators and
 * supervisors record the steps and check the criteria (met or not, with the evidence).
 */
public class TownsView extends VerticalLayout {

    private final ModuleViewContext view;
    private final RuralServices services;
    private final Grid<Towns.Town> towns = new Grid<>();
    private final Grid<Towns.Criterion> checklist = new Grid<>();
    private final H3 checklistTitle = new H3();
    private final Select<Towns.Criterion> criterion = new Select<>();
    private Towns.Town chosen;

    public TownsView(ModuleViewContext view) {
        this.view = view;
        this.services = RuralServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("\"四好农村路\"示范乡镇", "Demonstration towns"));
        title.setId("rr-towns-title");

        towns.setId("rr-towns");
        towns.addColumn(Towns.Town::town).setHeader(view.text("乡镇（街道）", "Town")).setAutoWidth(true);
        towns.addColumn(t -> view.text(t.year() + "年", String.valueOf(t.year()))).setHeader(view.text("创建年度", "Year")).setAutoWidth(true);
        towns.addColumn(t -> Ui.label(view, Labels.TOWN_STATUSES, t.status())).setHeader(view.text("状态", "Step")).setAutoWidth(true);
        towns.addColumn(t -> Ui.date(t.statusOn())).setHeader(view.text("日期", "Since")).setAutoWidth(true);
        towns.addColumn(t -> t.criteria().stream().filter(c -> Boolean.TRUE.equals(c.met())).count() + " / " + t.criteria().size())
                .setHeader(view.text("达标 / 标准数", "Met / criteria")).setAutoWidth(true);
        towns.addColumn(t -> t.note() == null ? "" : t.note()).setHeader(view.text("备注", "Note")).setAutoWidth(true).setFlexGrow(1);
        towns.setAllRowsVisible(true);
        towns.setEmptyStateText(view.text("尚未列入示范乡镇创建", "No towns listed"));
        towns.asSingleSelect().addValueChangeListener(e -> choose(e.getValue()));

        checklist.setId("rr-checklist");
        checklist.addColumn(Towns.Criterion::criterion).setHeader(view.text("创建标准", "Criterion")).setAutoWidth(true).setFlexGrow(1);
        checklist.addColumn(c -> c.met() == null ? view.text("未核查", "not checked") : c.met() ? view.text("达标", "met")
                : view.text("未达标", "not met")).setHeader(view.text("核查结果", "Result")).setAutoWidth(true);
        checklist.addColumn(c -> c.evidence() == null ? "" : c.evidence()).setHeader(view.text("佐证材料", "Evidence")).setAutoWidth(true);
        checklist.addColumn(c -> c.checkedBy() == null ? "" : c.checkedBy() + " " + Ui.time(c.checkedAt()))
                .setHeader(view.text("核查人、时间", "Checked by, at")).setAutoWidth(true);
        checklist.setAllRowsVisible(true);
        checklistTitle.setId("rr-checklist-title");

        add(title, towns, checklistTitle, checklist);
        if (view.user().hasRole(RuralRoadsModule.ADMIN)) {
            add(townForm(), criterionForm());
        }
        if (Ui.hasAny(view, RuralRoadsModule.ADMIN, RuralRoadsModule.SUPERVISOR)) {
            add(stepForm(), checkForm());
        }
        refresh(null);
    }

    private VerticalLayout townForm() {
        TextField town = new TextField(view.text("乡镇（街道）", "Town"));
        town.setId("rr-town-name");
        IntegerField year = new IntegerField(view.text("创建年度", "Year"));
        year.setId("rr-town-year");
        year.setValue(services.currentMonth().getYear());
        TextField criteria = new TextField(view.text("创建标准（用；分隔，可选）", "Criteria (separated by ;)"));
        criteria.setId("rr-town-criteria");
        criteria.setWidth("30em");
        var error = Ui.errorLine("rr-town-error");
        Button add = new Button(view.text("列入创建", "List the town"), e -> {
            error.setText("");
            Map<String, Object> body = new HashMap<>();
            body.put("town", town.getValue());
            body.put("year", year.getValue());
            body.put("criteria", List.of(criteria.getValue().split("[;；]")));
            try {
                long id = services.towns.create(view.bureau(), body);
                town.clear();
                criteria.clear();
                refresh(id);
            } catch (ModuleProblem problem) {
                error.setText(Ui.message(view, problem));
            }
        });
        add.setId("rr-town-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return form(view.text("列入示范乡镇创建", "List a town"), Ui.row(town, year, criteria), add, error);
    }

    private VerticalLayout criterionForm() {
        TextField text = new TextField(view.text("创建标准", "Criterion"));
        text.setId("rr-criterion-text");
        text.setWidth("30em");
        var error = Ui.errorLine("rr-criterion-error");
        Button add = new Button(view.text("加入清单", "Add to the checklist"), e -> run(error, () -> {
            services.towns.addCriterion(view.bureau(), chosen().id(), Map.of("criterion", text.getValue()));
            text.clear();
        }));
        add.setId("rr-criterion-add");
        return form(view.text("为所选乡镇增加创建标准", "Add a criterion to the chosen town"), Ui.row(text), add, error);
    }

    private VerticalLayout stepForm() {
        Select<String> status = Ui.codes(view, Labels.TOWN_STATUSES, view.text("状态", "Step"), "rr-step-status");
        DatePicker on = Ui.datePicker(view, view.text("日期", "On"), "rr-step-on");
        var error = Ui.errorLine("rr-step-error");
        Button save = new Button(view.text("记录进展", "Record the step"), e -> run(error, () -> {
            Map<String, Object> body = new HashMap<>();
            body.put("status", status.getValue());
            body.put("on", on.getValue() == null ? null : on.getValue().toString());
            services.towns.advance(view.bureau(), chosen().id(), body).forEach(d -> services.registerChanged(view.bureau(), d));
        }));
        save.setId("rr-step-save");
        return form(view.text("记录所选乡镇的创建进展", "Record the chosen town's step"), Ui.row(status, on), save, error);
    }

    private VerticalLayout checkForm() {
        criterion.setLabel(view.text("创建标准", "Criterion"));
        criterion.setId("rr-check-criterion");
        criterion.setItemLabelGenerator(Towns.Criterion::criterion);
        criterion.setWidth("30em");
        Checkbox met = new Checkbox(view.text("达标", "Met"));
        met.setId("rr-check-met");
        TextField evidence = new TextField(view.text("佐证材料", "Evidence"));
        evidence.setId("rr-check-evidence");
        evidence.setWidth("20em");
        var error = Ui.errorLine("rr-check-error");
        Button save = new Button(view.text("保存核查", "Save the check"), e -> run(error, () -> {
            if (criterion.getValue() == null) {
                throw ModuleProblem.badInput("criterion", "请先选择创建标准", "Choose the criterion first");
            }
            Map<String, Object> body = new HashMap<>();
            body.put("met", met.getValue());
            body.put("evidence", evidence.getValue());
            services.towns.check(view.bureau(), chosen().id(), criterion.getValue().id(), body, view.user(),
                    services.context.clock().instant());
            evidence.clear();
        }));
        save.setId("rr-check-save");
        return form(view.text("核查创建标准", "Check a criterion"), Ui.row(criterion, met, evidence), save, error);
    }

    private Towns.Town chosen() {
        if (chosen == null) {
            throw ModuleProblem.badInput("town", "请先在上表选择乡镇", "Choose a town in the table first");
        }
        return chosen;
    }

    /** Runs a change, shows the module's message on a mistake, and reloads the chosen town. */
    private void run(com.vaadin.flow.component.html.Div error, Runnable change) {
        error.setText("");
        try {
            change.run();
            refresh(chosen.id());
            Notification.show(view.text("已保存", "Saved"));
        } catch (ModuleProblem problem) {
            error.setText(Ui.message(view, problem));
        }
    }

    private VerticalLayout form(String title, com.vaadin.flow.component.Component... parts) {
        VerticalLayout form = new VerticalLayout(new H3(title));
        form.add(parts);
        form.setPadding(false);
        return form;
    }

    private void refresh(Long select) {
        List<Towns.Town> list = services.towns.list(view.bureau(), null);
        towns.setItems(list);
        Long keep = select != null ? select : chosen == null ? null : chosen.id();
        list.stream().filter(t -> keep != null && t.id() == keep).findFirst().or(() -> list.stream().findFirst())
                .ifPresentOrElse(towns::select, () -> choose(null));
    }

    private void choose(Towns.Town town) {
        if (town == null) {
            return; // a click that deselects keeps the chosen town shown
        }
        chosen = town;
        checklist.setItems(town.criteria());
        criterion.setItems(town.criteria());
        checklistTitle.setText(view.text(town.town() + "（" + town.year() + "年）创建标准核查",
                town.town() + " (" + town.year() + ") checklist"));
    }
}
