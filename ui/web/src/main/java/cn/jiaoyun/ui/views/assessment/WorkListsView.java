package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.ImportChoices;
import cn.jiaoyun.core.assessment.ImportPreview;
import cn.jiaoyun.core.assessment.WorkListChanges.CopiedYear;
import cn.jiaoyun.core.assessment.WorkListChanges.YearCopy;
import cn.jiaoyun.core.assessment.WorkListEditing;
import cn.jiaoyun.core.assessment.PlanImport;
import cn.jiaoyun.core.assessment.WorkListImport;
import cn.jiaoyun.core.assessment.WorkListKind;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadHandler;
import io.micronaut.context.annotation.Prototype;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bureau's work lists of a year; its administrator imports them from Word, Excel or text,
 * creates them by hand, or copies a year's lists to another year as a starting point.
 */
@Route(value = "worklists", layout = MainLayout.class)
@Prototype
public class WorkListsView extends VerticalLayout implements HasDynamicTitle {

    private final WorkListService worklists;
    private final WorkListImport imports;
    private final WorkListEditing editing;
    private final BureauService bureaus;
    private final Actor actor;
    private final Grid<WorkListSummary> grid = new Grid<>();
    private final IntegerField year = new IntegerField();

    public WorkListsView(WorkListService worklists, WorkListImport imports, WorkListEditing editing,
                         BureauService bureaus, PlanImport plans) {
        this.worklists = worklists;
        this.imports = imports;
        this.editing = editing;
        this.bureaus = bureaus;
        this.actor = UiSession.require();
        year.setLabel(getTranslation("assessment.year"));
        year.setId("year");
        year.setStepButtonsVisible(true);
        year.setValue(worklists.latestYear(actor.bureau()).orElse(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()));
        year.addValueChangeListener(e -> refresh());

        grid.setId("worklists");
        grid.addColumn(l -> getTranslation("worklist.kind." + l.kind().name())).setHeader(getTranslation("worklist.kind")).setAutoWidth(true);
        grid.addColumn(WorkListSummary::title).setHeader(getTranslation("worklist.list-title")).setAutoWidth(true);
        grid.addColumn(l -> String.join("、", l.units())).setHeader(getTranslation("worklist.units"));
        grid.addColumn(WorkListSummary::items).setHeader(getTranslation("worklist.items")).setAutoWidth(true);
        grid.addColumn(l -> (l.kind() == WorkListKind.PLAN && l.points().signum() == 0
                        ? getTranslation("plan.unscored") : l.points().stripTrailingZeros().toPlainString())
                        + (l.expectedPoints() == null ? "" : " / " + l.expectedPoints().stripTrailingZeros().toPlainString()))
                .setHeader(getTranslation("worklist.points-expected")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        // a plan opens as the tree of its sections and tasks
        grid.addItemClickListener(e -> {
            RouteParameters id = new RouteParameters("id", String.valueOf(e.getItem().id()));
            if (e.getItem().kind() == WorkListKind.PLAN) {
                UI.getCurrent().navigate(PlanView.class, id);
            } else {
                UI.getCurrent().navigate(WorkListView.class, id);
            }
        });

        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("worklist.title")), year);
        bar.setAlignItems(Alignment.BASELINE);
        if (actor.has(Role.BUREAU_ADMIN)) {
            bar.add(newListButton(), copyButton());
        }
        add(bar);
        if (actor.has(Role.BUREAU_ADMIN)) {
            add(importUpload());
            add(new PlanImportUpload(plans, actor, year::getValue, this::refresh));
        }
        add(grid);
        refresh();
    }

    private Upload importUpload() {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        String ip = VaadinRequest.getCurrent().getRemoteAddr();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() ->
                showPreview(metadata.fileName(), bytes, locale, ip))));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".txt", ".docx", ".xlsx");
        upload.setI18n(cn.jiaoyun.ui.component.UploadTexts.of(this));
        upload.setMaxFileSize(50 * 1024 * 1024);
        upload.setDropLabel(new Span(getTranslation("worklist.import.drop")));
        return upload;
    }

    /** One option of an unknown name's select: create it ({@code id} null) or map it to an existing one. */
    private record Option(Long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The select of one unknown name. */
    private record Choosing(String name, Select<Option> select) {
    }

    private void showPreview(String fileName, byte[] bytes, Locale locale, String ip) {
        Dialog dialog = new Dialog();
        dialog.setId("import-preview");
        dialog.setHeaderTitle(getTranslation("worklist.import.preview", fileName));
        try {
            ImportPreview first = imports.preview(actor, fileName, bytes, year.getValue(), locale);
            UnorderedList lists = new UnorderedList();
            lists.setId("import-lists");
            Div summary = new Div();
            summary.setId("import-summary");
            Div problems = new Div();
            problems.setId("import-problems");
            problems.getStyle().set("color", "var(--lumo-error-text-color)");
            first.notices().forEach(n -> dialog.add(new Div(n)));
            List<Choosing> choosing = new ArrayList<>();
            Button commit = new Button(getTranslation("worklist.import.commit"));
            Runnable update = () -> {
                try {
                    show(imports.preview(actor, fileName, bytes, year.getValue(), locale, choices(choosing)),
                            lists, summary, problems, commit);
                } catch (ApiProblem problem) {
                    problems.setText(problem.fullDetail(locale));
                    commit.setEnabled(false);
                }
            };
            Div unknown = unknownNames(first, choosing, update);
            dialog.add(unknown, lists, summary, problems);
            show(first, lists, summary, problems, commit);
            commit.addClickListener(e -> {
                try {
                    // the person saw the preview, including any notice on the file's encoding
                    imports.commit(actor, fileName, bytes, year.getValue(), locale, ip, true, choices(choosing));
                    dialog.close();
                    refresh();
                    Notification.show(getTranslation("worklist.import.done"));
                } catch (ApiProblem problem) {
                    problems.setText(problem.fullDetail(locale));
                }
            });
            commit.setId("import-commit");
            commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), commit);
        } catch (ApiProblem problem) {
            Div error = new Div(problem.detail(locale));
            error.setId("import-problems");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            dialog.add(error);
            dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        }
        dialog.open();
    }

    private void show(ImportPreview preview, UnorderedList lists, Div summary, Div problems, Button commit) {
        lists.removeAll();
        for (ImportPreview.ListPreview l : preview.lists()) {
            String name = l.unitName() != null ? l.unitName() : l.name();
            lists.add(new ListItem(getTranslation("worklist.import.list-line", name, l.items(),
                    l.points().stripTrailingZeros().toPlainString())));
        }
        long targets = preview.items().stream().mapToLong(i -> i.targets().size()).sum();
        summary.removeAll();
        summary.add(new Span(getTranslation("worklist.import.summary", preview.items().size(), targets,
                preview.unplaced().size())));
        problems.removeAll();
        problems.setText("");
        preview.problems().forEach(p -> problems.add(new Div(p)));
        commit.setEnabled(preview.committable());
    }

    /** Every unit and department name the bureau does not know, each with a select: create, or an existing one. */
    private Div unknownNames(ImportPreview preview, List<Choosing> choosing, Runnable update) {
        Div box = new Div();
        box.setId("import-unknown");
        if (preview.unknownUnits().isEmpty() && preview.unknownDepartments().isEmpty()) {
            return box;
        }
        box.add(new Div(getTranslation("worklist.import.unknown")));
        List<Option> units = bureaus.units(actor.bureau()).stream().filter(Unit::active)
                .map(u -> new Option(u.id(), u.name())).toList();
        List<Option> departments = bureaus.departments(actor.bureau()).stream().filter(Department::active)
                .map(d -> new Option(d.id(), d.name())).toList();
        int i = 0;
        for (ImportPreview.UnknownName n : preview.unknownUnits()) {
            box.add(choice("unknown-unit-" + i++, getTranslation("worklist.import.unknown-unit", n.name()), n,
                    units, choosing, update));
        }
        i = 0;
        for (ImportPreview.UnknownName n : preview.unknownDepartments()) {
            box.add(choice("unknown-department-" + i++, getTranslation("worklist.import.unknown-department",
                    n.name()), n, departments, choosing, update));
        }
        Button all = new Button(getTranslation("worklist.import.create-all"), e -> {
            choosing.forEach(c -> c.select().setValue(c.select().getListDataView().getItem(0)));
        });
        all.setId("import-create-all");
        all.addThemeVariants(ButtonVariant.LUMO_SMALL);
        box.add(all);
        return box;
    }

    private HorizontalLayout choice(String id, String label, ImportPreview.UnknownName n, List<Option> existing,
                                    List<Choosing> choosing, Runnable update) {
        List<Option> options = new ArrayList<>();
        options.add(new Option(null, getTranslation("worklist.import.choice.create")));
        options.addAll(existing);
        Select<Option> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation("worklist.import.choice"));
        select.setPlaceholder(getTranslation("worklist.import.choice.placeholder"));
        select.setRequiredIndicatorVisible(true);
        select.setItems(options);
        select.setItemLabelGenerator(Option::label);
        select.addValueChangeListener(e -> {
            select.setInvalid(e.getValue() == null);
            update.run();
        });
        choosing.add(new Choosing(n.name(), select));
        Span name = new Span(label);
        name.setId(id + "-name");
        Span hint = new Span(n.suggestion() == null ? ""
                : getTranslation("worklist.import.suggestion", n.suggestion().name()));
        HorizontalLayout row = new HorizontalLayout(name, hint, select);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private static ImportChoices choices(List<Choosing> choosing) {
        Set<String> create = new LinkedHashSet<>();
        Map<String, Long> aliases = new LinkedHashMap<>();
        for (Choosing c : choosing) {
            Option o = c.select().getValue();
            if (o != null && o.id() == null) {
                create.add(c.name());
            } else if (o != null) {
                aliases.put(c.name(), o.id());
            }
        }
        return new ImportChoices(false, create, aliases);
    }

    private Button newListButton() {
        Button create = new Button(getTranslation("worklist.new"), e -> {
            if (year.getValue() == null) {
                year.setInvalid(true);
                return;
            }
            List<Unit> active = bureaus.units(actor.bureau()).stream().filter(Unit::active).toList();
            ListDialog.create(editing, actor, year.getValue(), active, saved -> UI.getCurrent().navigate(
                    WorkListView.class, new RouteParameters("id", String.valueOf(saved.id())))).open();
        });
        create.setId("new-list");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return create;
    }

    /** Copies the shown year's lists to another year (the next one unless changed). */
    private Button copyButton() {
        Button copy = new Button(getTranslation("worklist.copy"), e -> {
            if (year.getValue() == null) {
                year.setInvalid(true);
                return;
            }
            int from = year.getValue();
            Dialog dialog = new Dialog();
            dialog.setId("copy-dialog");
            dialog.setHeaderTitle(getTranslation("worklist.copy.title", String.valueOf(from)));
            IntegerField to = new IntegerField(getTranslation("worklist.copy.to"));
            to.setId("copy-to");
            to.setValue(from + 1);
            to.setRequiredIndicatorVisible(true);
            to.setStepButtonsVisible(true);
            to.setWidth("22em");
            ProblemOnFields problems = new ProblemOnFields("copy-problems").bind("toYear", to);
            dialog.add(new Div(getTranslation("worklist.copy.explain")), to, problems.line());
            Button ok = new Button(getTranslation("worklist.copy.ok"), click -> {
                try {
                    CopiedYear copied = editing.copyYear(actor, new YearCopy(from, to.getValue()),
                            VaadinRequest.getCurrent().getRemoteAddr());
                    dialog.close();
                    year.setValue(copied.toYear());
                    Notification.show(getTranslation("worklist.copy.done", copied.lists().size(), copied.items(),
                            String.valueOf(copied.toYear())));
                } catch (ApiProblem problem) {
                    problems.show(problem, UI.getCurrent().getLocale());
                }
            });
            ok.setId("copy-confirm");
            ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), ok);
            dialog.open();
        });
        copy.setId("copy-year");
        return copy;
    }

    private void refresh() {
        if (year.getValue() != null) {
            grid.setItems(worklists.lists(actor.bureau(), year.getValue()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("worklist.title") + " · " + getTranslation("app.name");
    }
}
