package cn.jiaoyun.ui.views.projects;

import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.projects.IssueKind;
import cn.jiaoyun.core.projects.KeyProject;
import cn.jiaoyun.core.projects.KeyProjectIssue;
import cn.jiaoyun.core.projects.KeyProjectText;
import cn.jiaoyun.core.projects.KeyProjectViews.IssueInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MilestoneInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MilestoneSlot;
import cn.jiaoyun.core.projects.KeyProjectViews.MonthInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MonthSlot;
import cn.jiaoyun.core.projects.KeyProjectViews.PlanInput;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectDetail;
import cn.jiaoyun.core.projects.KeyProjects;
import cn.jiaoyun.core.projects.MilestoneKind;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One key project: its data, the year's twelve months with the monthly entry (reporters too), the
 * annual plan, milestones and land/resettlement issues (administrators and supervisors).
 */
@Route(value = "key-projects/:id", layout = MainLayout.class)
@Prototype
public class KeyProjectView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final KeyProjects keyProjects;
    private final Actor actor;
    private final Div error = new Div();
    private final Div body = new Div();
    private String title = "";
    private long id;

    public KeyProjectView(KeyProjects keyProjects) {
        this.keyProjects = keyProjects;
        this.actor = UiSession.require();
        error.setId("kp-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Integer year = null;
        var params = event.getLocation().getQueryParameters().getParameters();
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            if (params.containsKey("year")) {
                year = Integer.parseInt(params.get("year").get(0));
            }
            ProjectDetail d = keyProjects.detail(actor.bureau(), id, year == null ? currentYear() : year);
            if (year == null) {
                int y = Math.max(d.project().startYear(), Math.min(currentYear(), d.project().finishYear()));
                d = keyProjects.detail(actor.bureau(), id, y);
            }
            add(body);
            render(d);
        } catch (ApiProblem | NumberFormatException notFound) {
            title = getTranslation("error.not-found.title");
            Div message = new Div(getTranslation("error.not-found.text"));
            message.setId("not-found");
            add(new H2(title), message);
        }
    }

    private void render(ProjectDetail d) {
        body.removeAll();
        error.setText("");
        Locale locale = UI.getCurrent().getLocale();
        KeyProject p = d.project();
        title = p.name();
        H2 heading = new H2(p.name());
        heading.setId("kp-title");
        Anchor back = new Anchor("key-projects?year=" + d.year(), getTranslation("kp.back"));
        back.setId("kp-back");
        Paragraph meta = new Paragraph(getTranslation("kp.meta", p.code(), p.category().label(locale),
                p.level() == null ? "—" : p.level().label(locale), p.ownerUnit() == null ? "—" : p.ownerUnit(),
                KeyProjectText.amount(p.totalInvestment(), locale), String.valueOf(p.startYear()),
                String.valueOf(p.finishYear())));
        meta.setId("kp-meta");
        body.add(back, heading, meta);
        if (p.source() != null) {
            Paragraph source = new Paragraph(getTranslation("kp.source", p.source()));
            source.setId("kp-source");
            source.getStyle().set("color", "var(--lumo-secondary-text-color)");
            body.add(source);
        }

        IntegerField year = new IntegerField(getTranslation("kp.year"));
        year.setId("year");
        year.setStepButtonsVisible(true);
        year.setValue(d.year());
        year.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                reload(e.getValue());
            }
        });
        Paragraph figures = new Paragraph(getTranslation("kp.project-figures",
                KeyProjectText.amount(d.annualPlan(), locale), KeyProjectText.amount(d.figures().actualYtd(), locale),
                KeyProjectText.percent(d.figures().completionPercent(), locale),
                d.figures().progress() == null ? "—" : KeyProjectText.percent(d.figures().progress(), locale)));
        figures.setId("kp-figures");
        if (d.planSource() != null) {
            figures.add(" " + getTranslation("kp.source", d.planSource()));
        }
        body.add(new HorizontalLayout(year), figures, error);
        if (manager()) {
            BigDecimalField plan = new BigDecimalField(getTranslation("kp.plan-of-year", String.valueOf(d.year())));
            plan.setId("plan");
            plan.setValue(d.annualPlan());
            Button save = new Button(getTranslation("kp.save"), e -> act(() ->
                    keyProjects.putPlan(actor, id, d.year(), new PlanInput(plan.getValue()), null)));
            save.setId("save-plan");
            HorizontalLayout row = new HorizontalLayout(plan, save);
            row.setAlignItems(Alignment.BASELINE);
            body.add(row);
        }

        body.add(new H3(getTranslation("kp.months")));
        Grid<MonthSlot> months = new Grid<>();
        months.setId("months");
        months.addColumn(MonthSlot::month).setHeader(getTranslation("kp.month-col")).setAutoWidth(true);
        months.addColumn(m -> m.actual() == null ? getTranslation("kp.not-reported") : KeyProjectText.amount(m.actual(), locale))
                .setHeader(getTranslation("kp.actual")).setAutoWidth(true);
        months.addColumn(m -> m.progress() == null ? "—" : KeyProjectText.percent(m.progress(), locale))
                .setHeader(getTranslation("kp.progress")).setAutoWidth(true);
        months.addColumn(m -> m.note() == null ? "" : m.note()).setHeader(getTranslation("kp.note")).setAutoWidth(true);
        months.addColumn(m -> m.source() != null ? m.source() : m.reportedBy() == null ? "" : m.reportedBy())
                .setHeader(getTranslation("kp.source-col")).setAutoWidth(true);
        months.setItems(d.months());
        months.setAllRowsVisible(true);
        body.add(months);
        if (manager() || actor.has(Role.REPORTER)) {
            body.add(monthEntry(d, months));
        }

        body.add(new H3(getTranslation("kp.milestones")));
        Grid<MilestoneSlot> milestones = new Grid<>();
        milestones.setId("milestones");
        milestones.addColumn(m -> m.kind().label(locale)).setHeader(getTranslation("kp.milestone")).setAutoWidth(true);
        milestones.addColumn(m -> m.plannedOn() == null ? "—" : m.plannedOn().toString()).setHeader(getTranslation("kp.planned-on"));
        milestones.addColumn(m -> m.actualOn() == null ? "—" : m.actualOn().toString()).setHeader(getTranslation("kp.actual-on"));
        milestones.addColumn(m -> m.source() == null ? "" : m.source()).setHeader(getTranslation("kp.source-col"));
        milestones.setItems(d.milestones());
        milestones.setAllRowsVisible(true);
        body.add(milestones);
        if (manager()) {
            body.add(milestoneEntry(locale));
        }

        body.add(new H3(getTranslation("kp.issues")));
        Grid<KeyProjectIssue> issues = new Grid<>();
        issues.setId("issues");
        issues.addColumn(i -> i.kind().label(locale)).setHeader(getTranslation("kp.issue-kind")).setAutoWidth(true);
        issues.addColumn(KeyProjectIssue::description).setHeader(getTranslation("kp.description")).setAutoWidth(true);
        issues.addColumn(i -> i.foundOn().toString()).setHeader(getTranslation("kp.found-on"));
        issues.addColumn(i -> i.resolvedOn() == null ? getTranslation("kp.open") : i.resolvedOn().toString())
                .setHeader(getTranslation("kp.resolved-on"));
        issues.addColumn(i -> i.resolution() == null ? "" : i.resolution()).setHeader(getTranslation("kp.resolution"));
        issues.setItems(d.issues());
        issues.setAllRowsVisible(true);
        body.add(issues);
        if (manager()) {
            body.add(issueEntry(locale, issues));
        }
    }

    private HorizontalLayout monthEntry(ProjectDetail d, Grid<MonthSlot> months) {
        TextField month = new TextField(getTranslation("kp.entry-month"));
        month.setId("entry-month");
        month.setPlaceholder(d.year() + "-01");
        BigDecimalField actual = new BigDecimalField(getTranslation("kp.actual-wan"));
        actual.setId("entry-actual");
        BigDecimalField progress = new BigDecimalField(getTranslation("kp.progress-pct"));
        progress.setId("entry-progress");
        TextField note = new TextField(getTranslation("kp.note"));
        note.setId("entry-note");
        months.addItemClickListener(e -> {
            month.setValue(e.getItem().month());
            actual.setValue(e.getItem().actual());
            progress.setValue(e.getItem().progress());
            note.setValue(e.getItem().note() == null ? "" : e.getItem().note());
        });
        Button submit = new Button(getTranslation("kp.submit-month"), e -> act(() ->
                keyProjects.putMonth(actor, id, month.getValue(), new MonthInput(actual.getValue(), progress.getValue(),
                        note.getValue()), null)));
        submit.setId("submit-month");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("kp.clear-month"), e -> act(() ->
                keyProjects.clearMonth(actor, id, month.getValue(), null)));
        clear.setId("clear-month");
        HorizontalLayout row = new HorizontalLayout(month, actual, progress, note, submit, clear);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private HorizontalLayout milestoneEntry(Locale locale) {
        ComboBox<MilestoneKind> kind = new ComboBox<>(getTranslation("kp.milestone"), MilestoneKind.values());
        kind.setId("milestone-kind");
        kind.setItemLabelGenerator(k -> k.label(locale));
        DatePicker planned = new DatePicker(getTranslation("kp.planned-on"));
        planned.setId("milestone-planned");
        DatePicker actualOn = new DatePicker(getTranslation("kp.actual-on"));
        actualOn.setId("milestone-actual");
        Button save = new Button(getTranslation("kp.save"), e -> act(() -> keyProjects.putMilestones(actor, id,
                List.of(new MilestoneInput(kind.getValue() == null ? null : kind.getValue().name(), text(planned.getValue()),
                        text(actualOn.getValue()))), null)));
        save.setId("save-milestone");
        HorizontalLayout row = new HorizontalLayout(kind, planned, actualOn, save);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout issueEntry(Locale locale, Grid<KeyProjectIssue> issues) {
        ComboBox<IssueKind> kind = new ComboBox<>(getTranslation("kp.issue-kind"), IssueKind.values());
        kind.setId("issue-kind");
        kind.setItemLabelGenerator(k -> k.label(locale));
        TextField description = new TextField(getTranslation("kp.description"));
        description.setId("issue-description");
        DatePicker found = new DatePicker(getTranslation("kp.found-on"));
        found.setId("issue-found");
        DatePicker resolved = new DatePicker(getTranslation("kp.resolved-on"));
        resolved.setId("issue-resolved");
        TextField resolution = new TextField(getTranslation("kp.resolution"));
        resolution.setId("issue-resolution");
        KeyProjectIssue[] selected = new KeyProjectIssue[1];
        issues.addItemClickListener(e -> {
            selected[0] = e.getItem();
            kind.setValue(e.getItem().kind());
            description.setValue(e.getItem().description());
            found.setValue(e.getItem().foundOn());
            resolved.setValue(e.getItem().resolvedOn());
            resolution.setValue(e.getItem().resolution() == null ? "" : e.getItem().resolution());
        });
        Button save = new Button(getTranslation("kp.save-issue"), e -> act(() -> {
            IssueInput in = new IssueInput(kind.getValue() == null ? null : kind.getValue().name(), description.getValue(),
                    text(found.getValue()), text(resolved.getValue()), resolution.getValue());
            return selected[0] == null ? keyProjects.addIssue(actor, id, in, null)
                    : keyProjects.updateIssue(actor, id, selected[0].id(), in, null);
        }));
        save.setId("save-issue");
        HorizontalLayout row = new HorizontalLayout(kind, description, found, resolved, resolution, save);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** Runs a change; shows the page again on success, the refusal in the page's language otherwise. */
    private void act(java.util.function.Supplier<ProjectDetail> change) {
        try {
            render(change.get());
        } catch (ApiProblem problem) {
            error.setText(problem.fullDetail(UI.getCurrent().getLocale()));
        }
    }

    private void reload(int year) {
        try {
            render(keyProjects.detail(actor.bureau(), id, year));
        } catch (ApiProblem problem) {
            error.setText(problem.fullDetail(UI.getCurrent().getLocale()));
        }
    }

    private boolean manager() {
        return actor.hasAny(List.of(Role.BUREAU_ADMIN, Role.SUPERVISOR));
    }

    private static int currentYear() {
        return LocalDate.now(cn.jiaoyun.ui.component.Formats.CHINA).getYear();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
