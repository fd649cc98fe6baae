package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.ImportPreview;
import cn.jiaoyun.core.assessment.WorkListChanges.CopiedYear;
import cn.jiaoyun.core.assessment.WorkListChanges.YearCopy;
import cn.jiaoyun.core.assessment.WorkListEditing;
import cn.jiaoyun.core.assessment.WorkListImport;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.bureau.BureauService;
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
import java.util.List;
import java.util.Locale;

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
                         BureauService bureaus) {
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
        grid.addColumn(l -> l.points().stripTrailingZeros().toPlainString()
                        + (l.expectedPoints() == null ? "" : " / " + l.expectedPoints().stripTrailingZeros().toPlainString()))
                .setHeader(getTranslation("worklist.points-expected")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(WorkListView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id()))));

        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("worklist.title")), year);
        bar.setAlignItems(Alignment.BASELINE);
        if (actor.has(Role.BUREAU_ADMIN)) {
            bar.add(newListButton(), copyButton());
        }
        add(bar);
        if (actor.has(Role.BUREAU_ADMIN)) {
            add(importUpload());
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

    private void showPreview(String fileName, byte[] bytes, Locale locale, String ip) {
        Dialog dialog = new Dialog();
        dialog.setId("import-preview");
        dialog.setHeaderTitle(getTranslation("worklist.import.preview", fileName));
        try {
            ImportPreview preview = imports.preview(actor, fileName, bytes, year.getValue(), locale);
            UnorderedList lists = new UnorderedList();
            lists.setId("import-lists");
            for (ImportPreview.ListPreview l : preview.lists()) {
                String name = l.unitName() != null ? l.unitName() : l.name();
                lists.add(new ListItem(getTranslation("worklist.import.list-line", name, l.items(),
                        l.points().stripTrailingZeros().toPlainString())));
            }
            long targets = preview.items().stream().mapToLong(i -> i.targets().size()).sum();
            Div summary = new Div(new Span(getTranslation("worklist.import.summary", preview.items().size(), targets,
                    preview.unplaced().size())));
            summary.setId("import-summary");
            Div problems = new Div();
            problems.setId("import-problems");
            problems.getStyle().set("color", "var(--lumo-error-text-color)");
            preview.problems().forEach(p -> problems.add(new Div(p)));
            preview.notices().forEach(n -> dialog.add(new Div(n)));
            dialog.add(lists, summary, problems);
            Button commit = new Button(getTranslation("worklist.import.commit"), e -> {
                try {
                    // the person saw the preview, including any notice on the file's encoding
                    imports.commit(actor, fileName, bytes, year.getValue(), locale, ip, true);
                    dialog.close();
                    refresh();
                    Notification.show(getTranslation("worklist.import.done"));
                } catch (ApiProblem problem) {
                    problems.setText(problem.detail(locale));
                }
            });
            commit.setId("import-commit");
            commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            commit.setEnabled(preview.committable());
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
