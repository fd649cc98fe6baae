package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 港航建设项目: berth and channel projects with total and annual planned investment (万元), the
 * investment completed so far, the physical progress and status; an empty amount is one the
 * documents do not give. Administrators add projects; administrators and reporters record a
 * month's progress.
 */
public class ProjectsView extends VerticalLayout {

    private final ModuleViewContext view;
    private final PortServices services;
    private final Grid<Projects.Project> grid = new Grid<>();
    private final Select<Projects.Project> progressProject = new Select<>();

    public ProjectsView(ModuleViewContext view) {
        this.view = view;
        this.services = PortServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("港航建设项目", "Port and channel projects"));
        title.setId("pt-projects-title");
        grid.setId("pt-projects");
        grid.addColumn(Projects.Project::name).setHeader(view.text("项目名称", "Project")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(p -> Ui.label(view, p.kind())).setHeader(view.text("类型", "Kind")).setAutoWidth(true);
        grid.addColumn(p -> p.port() == null ? "" : p.port() + (p.area() == null ? "" : " " + p.area()))
                .setHeader(view.text("港口 · 作业区", "Port · area")).setAutoWidth(true);
        grid.addColumn(p -> Ui.amount(p.totalWanYuan())).setHeader(view.text("总投资（万元）", "Total (10k yuan)"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> Ui.amount(p.annualWanYuan())).setHeader(view.text("年度计划（万元）", "Annual plan (10k yuan)"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> Ui.amount(p.completedWanYuan())).setHeader(view.text("累计完成（万元）", "Completed (10k yuan)"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> p.progressPercent() == null ? "—" : p.progressPercent().toPlainString() + "%")
                .setHeader(view.text("形象进度", "Progress")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> Ui.label(view, p.status())).setHeader(view.text("状态", "Status")).setAutoWidth(true);
        grid.addColumn(p -> p.source() == null ? "" : p.source()).setHeader(view.text("来源", "Source")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(view.text("尚无项目", "No projects yet"));
        add(title, grid, Ui.note(view.text("“—”表示资料未给出的金额或进度（未知，不按 0 计）。",
                "'—' is an amount or progress the documents do not give (unknown, not zero).")));
        if (view.user().hasRole(PortModule.ADMIN)) {
            add(createForm());
        }
        if (Ui.hasAny(view, PortModule.ADMIN, PortModule.REPORTER)) {
            add(progressForm());
        }
        refresh();
    }

    private VerticalLayout createForm() {
        TextField name = new TextField(view.text("项目名称", "Project"));
        name.setId("pt-project-name");
        Select<ProjectKind> kind = new Select<>();
        kind.setId("pt-project-kind");
        kind.setLabel(view.text("类型", "Kind"));
        kind.setItems(ProjectKind.values());
        kind.setItemLabelGenerator(k -> Ui.label(view, k));
        BigDecimalField total = new BigDecimalField(view.text("总投资（万元）", "Total (10k yuan)"));
        total.setId("pt-project-total");
        BigDecimalField annual = new BigDecimalField(view.text("年度计划投资（万元）", "Annual plan (10k yuan)"));
        annual.setId("pt-project-annual");
        Div error = Ui.errorLine("pt-project-error");
        Button add = new Button(view.text("新增项目", "Add project"), e -> run(error, () -> {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name.getValue());
            body.put("kind", kind.getValue() == null ? null : kind.getValue().name());
            body.put("totalWanYuan", total.getValue());
            body.put("annualWanYuan", annual.getValue());
            body.put("year", java.time.Year.now(services.context.clock()).getValue());
            services.projects.create(view.bureau(), body);
            name.clear();
        }));
        add.setId("pt-project-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(name, kind, total, annual, add);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3(view.text("新增项目", "Add a project")), fields, error);
        form.setPadding(false);
        return form;
    }

    private VerticalLayout progressForm() {
        progressProject.setId("pt-progress-project");
        progressProject.setLabel(view.text("项目", "Project"));
        progressProject.setItemLabelGenerator(Projects.Project::name);
        TextField month = new TextField(view.text("月份", "Month"));
        month.setId("pt-progress-month");
        month.setPlaceholder("2023-06");
        BigDecimalField invested = new BigDecimalField(view.text("本月完成投资（万元）", "Invested this month (10k yuan)"));
        invested.setId("pt-progress-invested");
        BigDecimalField percent = new BigDecimalField(view.text("形象进度（%）", "Progress (%)"));
        percent.setId("pt-progress-percent");
        Div error = Ui.errorLine("pt-progress-error");
        Button save = new Button(view.text("保存进度", "Save progress"), e -> run(error, () -> {
            if (progressProject.getValue() == null) {
                throw ModuleProblem.badInput("project", "请先选择项目", "Choose the project first");
            }
            Map<String, Object> body = new HashMap<>();
            body.put("month", month.getValue());
            body.put("investedWanYuan", invested.getValue());
            body.put("progressPercent", percent.getValue());
            services.projects.progress(view.bureau(), progressProject.getValue().id(), body);
        }));
        save.setId("pt-progress-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(progressProject, month, invested, percent, save);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3(view.text("填报月度进度", "Record a month's progress")), fields, error);
        form.setPadding(false);
        return form;
    }

    private void run(Div error, Runnable action) {
        error.setText("");
        try {
            action.run();
            refresh();
        } catch (ModuleProblem problem) {
            error.setText(Ui.message(view, problem));
        }
    }

    private void refresh() {
        List<Projects.Project> projects = services.projects.list(view.bureau());
        grid.setItems(projects);
        progressProject.setItems(projects);
    }
}
