package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 农村公路项目: the year's projects with planned and completed km and 万元; administrators add
 * projects, administrators and reporters record a month's progress (km and 万元 in the month) and
 * the status. Completed figures are the sums of the monthly reports.
 */
public class ProjectsView extends VerticalLayout {

    private final ModuleViewContext view;
    private final RuralServices services;
    private final Select<Integer> year;
    private final Grid<Projects.Project> grid = new Grid<>();
    private final Select<Projects.Project> progressProject = new Select<>();

    public ProjectsView(ModuleViewContext view) {
        this.view = view;
        this.services = RuralServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("农村公路项目", "Rural road projects"));
        title.setId("rr-projects-title");
        year = Ui.years(view, services.projects.years(view.bureau(), services.currentMonth().getYear()), "rr-projects-year");
        year.setValue(services.projects.latestReport(view.bureau()).orElse(services.currentMonth()).getYear());

        grid.setId("rr-projects");
        grid.addColumn(p -> p.code() == null ? "" : p.code()).setHeader(view.text("编号", "Code")).setAutoWidth(true);
        grid.addColumn(Projects.Project::name).setHeader(view.text("项目名称", "Project")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(p -> Ui.label(view, Labels.KINDS, p.kind())).setHeader(view.text("类型", "Kind")).setAutoWidth(true);
        grid.addColumn(p -> p.town() == null ? "" : p.town()).setHeader(view.text("乡镇", "Town")).setAutoWidth(true);
        Ui.figureColumn(grid, p -> Ui.km(p.plannedKm()), view.text("计划里程（公里）", "Planned km"));
        Ui.figureColumn(grid, p -> Ui.km(p.completedKm()), view.text("完成里程（公里）", "Completed km"));
        Ui.figureColumn(grid, p -> Ui.percent(Projects.percent(p.completedKm(), p.plannedKm())), view.text("完成率", "Done"));
        Ui.figureColumn(grid, p -> Ui.wan(p.plannedWanYuan()), view.text("计划投资（万元）", "Planned (10k yuan)"));
        Ui.figureColumn(grid, p -> Ui.wan(p.investedWanYuan()), view.text("完成投资（万元）", "Invested (10k yuan)"));
        grid.addColumn(p -> Ui.label(view, Labels.PROJECT_STATUSES, p.status())).setHeader(view.text("状态", "Status")).setAutoWidth(true);
        grid.addColumn(p -> Ui.date(p.completedOn())).setHeader(view.text("完工日期", "Completed on")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(view.text("本年度尚无项目", "No projects this year"));

        add(Ui.row(title, year), grid);
        if (view.user().hasRole(RuralRoadsModule.ADMIN)) {
            add(addForm());
        }
        if (Ui.hasAny(view, RuralRoadsModule.ADMIN, RuralRoadsModule.REPORTER)) {
            add(progressForm());
        }
        year.addValueChangeListener(e -> refresh());
        refresh();
    }

    private VerticalLayout addForm() {
        TextField name = new TextField(view.text("项目名称", "Project"));
        name.setId("rr-project-name");
        name.setWidth("20em");
        TextField code = new TextField(view.text("项目编号（可选）", "Code (optional)"));
        code.setId("rr-project-code");
        Select<String> kind = Ui.codes(view, Labels.KINDS, view.text("类型", "Kind"), "rr-project-kind");
        TextField town = new TextField(view.text("乡镇", "Town"));
        town.setId("rr-project-town");
        BigDecimalField plannedKm = new BigDecimalField(view.text("计划里程（公里）", "Planned km"));
        plannedKm.setId("rr-project-planned-km");
        BigDecimalField plannedWan = new BigDecimalField(view.text("计划投资（万元）", "Planned (10k yuan)"));
        plannedWan.setId("rr-project-planned-wan");
        var error = Ui.errorLine("rr-project-error");
        Button add = new Button(view.text("新增项目", "Add project"), e -> {
            error.setText("");
            Map<String, Object> body = new HashMap<>();
            body.put("year", year.getValue());
            body.put("name", name.getValue());
            body.put("code", code.getValue());
            body.put("kind", kind.getValue());
            body.put("town", town.getValue());
            body.put("plannedKm", plannedKm.getValue());
            body.put("plannedWanYuan", plannedWan.getValue());
            try {
                services.projects.create(view.bureau(), body);
                name.clear();
                code.clear();
                refresh();
                Notification.show(view.text("已新增项目 ", "Project added: ") + body.get("name"));
            } catch (ModuleProblem problem) {
                error.setText(Ui.message(view, problem));
            }
        });
        add.setId("rr-project-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(new H3(view.text("新增项目", "Add a project")),
                Ui.row(name, code, kind, town, plannedKm, plannedWan), add, error);
        form.setPadding(false);
        return form;
    }

    private VerticalLayout progressForm() {
        progressProject.setLabel(view.text("项目", "Project"));
        progressProject.setId("rr-progress-project");
        progressProject.setItemLabelGenerator(p -> p.name() + (p.town() == null ? "" : "（" + p.town() + "）"));
        TextField month = new TextField(view.text("月份", "Month"));
        month.setId("rr-progress-month");
        month.setPlaceholder("2023-06");
        month.setValue(services.currentMonth().toString());
        BigDecimalField km = new BigDecimalField(view.text("当月完成里程（公里）", "Km this month"));
        km.setId("rr-progress-km");
        BigDecimalField wan = new BigDecimalField(view.text("当月完成投资（万元）", "Invested this month (10k yuan)"));
        wan.setId("rr-progress-wan");
        Select<String> status = Ui.codes(view, Labels.PROJECT_STATUSES, view.text("状态", "Status"), "rr-progress-status");
        DatePicker completedOn = Ui.datePicker(view, view.text("完工日期", "Completed on"), "rr-progress-completed");
        var error = Ui.errorLine("rr-progress-error");
        Button save = new Button(view.text("保存月报", "Save the month"), e -> {
            error.setText("");
            Projects.Project p = progressProject.getValue();
            if (p == null) {
                error.setText(view.text("请先选择项目", "Choose the project first"));
                return;
            }
            try {
                YearMonth m = parseMonth(month.getValue());
                BigDecimal k = km.getValue() == null ? BigDecimal.ZERO : km.getValue();
                BigDecimal w = wan.getValue() == null ? BigDecimal.ZERO : wan.getValue();
                if (k.signum() < 0 || w.signum() < 0) {
                    throw ModuleProblem.badInput("km", "里程和投资不能为负数", "km and investment must not be negative");
                }
                if (services.projects.recordMonth(view.bureau(), p.id(), m, k, w, null)) {
                    services.published(view.bureau(), List.of(m));
                }
                if (status.getValue() != null || completedOn.getValue() != null) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("status", status.getValue());
                    body.put("completedOn", completedOn.getValue() == null ? null : completedOn.getValue().toString());
                    services.published(view.bureau(), services.projects.progress(view.bureau(), p.id(), body, m));
                }
                refresh();
                Notification.show(view.text("已保存 " + p.name() + " " + Ui.month(view, m) + " 的月报",
                        "Saved " + p.name() + " for " + Ui.month(view, m)));
            } catch (ModuleProblem problem) {
                error.setText(Ui.message(view, problem));
            }
        });
        save.setId("rr-progress-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(new H3(view.text("填报月度进度", "Report a month's progress")),
                Ui.row(progressProject, month, km, wan, status, completedOn), save, error);
        form.setPadding(false);
        return form;
    }

    private static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw ModuleProblem.badInput("month", "月份应写作 2023-06", "the month is written 2023-06");
        }
    }

    private void refresh() {
        List<Projects.Project> list = services.projects.list(view.bureau(), year.getValue());
        grid.setItems(list);
        Projects.Project keep = progressProject.getValue();
        progressProject.setItems(list);
        list.stream().filter(p -> keep != null && p.id() == keep.id()).findFirst()
                .or(() -> list.stream().findFirst()).ifPresent(progressProject::setValue);
    }
}
