package cn.jiaoyun.ui.views.projects;

import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.projects.KeyProject;
import cn.jiaoyun.core.projects.KeyProjectRollup.Figures;
import cn.jiaoyun.core.projects.KeyProjectRollup.Rollup;
import cn.jiaoyun.core.projects.KeyProjectText;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectInput;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectRow;
import cn.jiaoyun.core.projects.KeyProjectViews.Summary;
import cn.jiaoyun.core.projects.KeyProjects;
import cn.jiaoyun.core.projects.ProjectCategory;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.component.Formats;
import cn.jiaoyun.ui.component.Tile;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
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

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * 重点项目: the year's key projects from January to a month, as the bureau's summary writes it
 * ("重点项目共13只，计划完成投资61.5亿元…"), with cards and the list; managers add projects here.
 * Year and month can be given in the address ({@code ?year=2023&through=12}).
 */
@Route(value = "key-projects", layout = MainLayout.class)
@Prototype
public class KeyProjectsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final KeyProjects keyProjects;
    private final Actor actor;
    private final IntegerField year = new IntegerField();
    private final ComboBox<Integer> through = new ComboBox<>();
    private final Paragraph sentence = new Paragraph();
    private final FlexLayout tiles = new FlexLayout();
    private final Grid<ProjectRow> grid = new Grid<>();
    private final Div error = new Div();

    public KeyProjectsView(KeyProjects keyProjects) {
        this.keyProjects = keyProjects;
        this.actor = UiSession.require();
        year.setLabel(getTranslation("kp.year"));
        year.setId("year");
        year.setStepButtonsVisible(true);
        year.setMin(2000);
        year.setMax(2100);
        year.setValue(YearMonth.now(Formats.CHINA).getYear());
        through.setLabel(getTranslation("kp.through"));
        through.setId("through");
        through.setItems(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        through.setItemLabelGenerator(m -> getTranslation("kp.month", m));
        through.setValue(KeyProjects.defaultThrough(year.getValue()));
        through.setWidth("8em");
        sentence.setId("kp-sentence");
        sentence.getStyle().set("font-size", "var(--lumo-font-size-l)").set("max-width", "60em");
        tiles.setId("kp-tiles");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        tiles.setWidthFull();
        error.setId("kp-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        Locale locale = UI.getCurrent().getLocale();
        grid.setId("key-projects");
        grid.addComponentColumn(r -> {
            Anchor a = new Anchor("key-projects/" + r.project().id() + "?year=" + year.getValue(), r.project().name());
            a.setId("kp-link-" + r.project().code());
            return a;
        }).setHeader(getTranslation("kp.name")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> r.project().category().label(locale)).setHeader(getTranslation("kp.category")).setAutoWidth(true);
        grid.addColumn(r -> KeyProjectText.amount(r.figures().annualPlan(), locale)).setHeader(getTranslation("kp.plan"))
                .setAutoWidth(true);
        grid.addColumn(r -> KeyProjectText.amount(r.figures().actualYtd(), locale)).setHeader(getTranslation("kp.actual-ytd"))
                .setAutoWidth(true);
        grid.addColumn(r -> KeyProjectText.percent(r.figures().completionPercent(), locale))
                .setHeader(getTranslation("kp.completion")).setAutoWidth(true);
        grid.addColumn(r -> r.figures().progress() == null ? "—" : KeyProjectText.percent(r.figures().progress(), locale))
                .setHeader(getTranslation("kp.progress")).setAutoWidth(true);
        grid.addColumn(r -> r.figures().nextMilestone() == null ? "—"
                : r.figures().nextMilestone().kind().label(locale)
                + (r.figures().nextMilestone().plannedOn() == null ? "" : " " + r.figures().nextMilestone().plannedOn())
                + (r.figures().nextMilestone().late() ? " " + getTranslation("kp.late") : ""))
                .setHeader(getTranslation("kp.next-milestone")).setAutoWidth(true);
        grid.addColumn(r -> r.figures().openIssues()).setHeader(getTranslation("kp.open-issues")).setAutoWidth(true);
        grid.addColumn(r -> r.figures().reportedInMonth() ? "✓" : getTranslation("kp.not-reported"))
                .setHeader(getTranslation("kp.reported")).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        year.addValueChangeListener(e -> refresh());
        through.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("kp.title")), year, through);
        bar.setAlignItems(Alignment.BASELINE);
        add(bar, sentence, tiles, error, grid);
        if (actor.hasAny(List.of(Role.BUREAU_ADMIN, Role.SUPERVISOR))) {
            add(createForm());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        try {
            if (params.containsKey("year")) {
                year.setValue(Integer.parseInt(params.get("year").get(0)));
            }
            if (params.containsKey("through")) {
                through.setValue(Integer.parseInt(params.get("through").get(0)));
            }
        } catch (NumberFormatException ignored) {
            // a mistyped address shows the default year
        }
        refresh();
    }

    private void refresh() {
        error.setText("");
        if (year.getValue() == null || through.getValue() == null) {
            return;
        }
        Locale locale = UI.getCurrent().getLocale();
        try {
            Summary s = keyProjects.summary(actor.bureau(), year.getValue(), through.getValue(), locale);
            sentence.setText(s.sentence());
            tiles(s, locale);
            grid.setItems(keyProjects.list(actor.bureau(), year.getValue(), through.getValue()));
        } catch (ApiProblem problem) {
            error.setText(problem.fullDetail(locale));
        }
    }

    private void tiles(Summary s, Locale locale) {
        tiles.removeAll();
        Rollup r = s.rollup();
        Figures f = r.total();
        tiles.add(new Tile("tile-kp-count", getTranslation("kp.tile.count")).figure(String.valueOf(f.projects()), getTranslation("kp.unit.projects"))
                .body(new Div(getTranslation("kp.tile.reported", getTranslation("kp.month", r.through()),
                        f.reportedInMonth(), f.projects()))));
        tiles.add(new Tile("tile-kp-plan", getTranslation("kp.tile.plan")).figure(s.annualPlanText(), "")
                .body(new Div(getTranslation("kp.tile.with-plan", f.withPlan(), f.projects()))));
        tiles.add(new Tile("tile-kp-actual", getTranslation("kp.tile.actual")).figure(s.actualYtdText(), "")
                .body(new Div(getTranslation("kp.tile.completion", s.completionText()))));
        tiles.add(new Tile("tile-kp-yoy", getTranslation("kp.tile.yoy")).figure(s.yoyText(), "")
                .body(new Div(getTranslation("kp.tile.last-year", s.lastYearYtdText()))));
        tiles.add(new Tile("tile-kp-milestones", getTranslation("kp.tile.milestones"))
                .figure(String.valueOf(r.lateMilestones().size()), getTranslation("kp.unit.late"))
                .body(new Div(getTranslation("kp.tile.due", r.milestonesDue(), r.milestonesReached()))));
        tiles.add(new Tile("tile-kp-issues", getTranslation("kp.tile.issues"))
                .figure(String.valueOf(r.openIssues()), getTranslation("kp.unit.open"))
                .body(new Div(getTranslation("kp.tile.resolved", r.issuesResolved()))));
    }

    private Details createForm() {
        Locale locale = UI.getCurrent().getLocale();
        TextField code = new TextField(getTranslation("kp.code"));
        code.setId("new-code");
        TextField name = new TextField(getTranslation("kp.name"));
        name.setId("new-name");
        ComboBox<ProjectCategory> category = new ComboBox<>(getTranslation("kp.category"), ProjectCategory.values());
        category.setId("new-category");
        category.setItemLabelGenerator(c -> c.label(locale));
        TextField owner = new TextField(getTranslation("kp.owner"));
        owner.setId("new-owner");
        BigDecimalField total = new BigDecimalField(getTranslation("kp.total"));
        total.setId("new-total");
        IntegerField start = new IntegerField(getTranslation("kp.start"));
        start.setId("new-start");
        IntegerField finish = new IntegerField(getTranslation("kp.finish"));
        finish.setId("new-finish");
        Button create = new Button(getTranslation("kp.create"), e -> {
            try {
                KeyProject p = keyProjects.create(actor, new ProjectInput(code.getValue(), name.getValue(),
                        category.getValue() == null ? null : category.getValue().name(), null, owner.getValue(),
                        total.getValue(), start.getValue(), finish.getValue()), null);
                UI.getCurrent().navigate("key-projects/" + p.id());
            } catch (ApiProblem problem) {
                error.setText(problem.fullDetail(locale));
            }
        });
        create.setId("create-project");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name, category, owner, total, start, finish, create);
        Details details = new Details(getTranslation("kp.new"), form);
        details.setId("new-project");
        return details;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("kp.title") + " · " + getTranslation("app.name");
    }
}
