package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.ImportPreview;
import cn.jiaoyun.core.assessment.PlanImport;
import cn.jiaoyun.core.assessment.WorkListImport;
import cn.jiaoyun.core.assessment.WorkListKind;
import cn.jiaoyun.core.assessment.WorkListService;
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
import java.util.Locale;

/** The bureau's work lists of a year; its administrator imports them from Word, Excel or text. */
@Route(value = "worklists", layout = MainLayout.class)
@Prototype
public class WorkListsView extends VerticalLayout implements HasDynamicTitle {

    private final WorkListService worklists;
    private final WorkListImport imports;
    private final Actor actor;
    private final Grid<WorkListSummary> grid = new Grid<>();
    private final IntegerField year = new IntegerField();

    public WorkListsView(WorkListService worklists, WorkListImport imports, PlanImport plans) {
        this.worklists = worklists;
        this.imports = imports;
        this.actor = UiSession.require();
        year.setLabel(getTranslation("assessment.year"));
        year.setId("year");
        year.setStepButtonsVisible(true);
        year.setValue(worklists.latestYear(actor.bureau()).orElse(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()));
        year.addValueChangeListener(e -> refresh());

        grid.setId("worklists");
        grid.addColumn(l -> getTranslation("worklist.kind." + l.kind().name())).setHeader(getTranslation("worklist.kind")).setAutoWidth(true);
        grid.addColumn(WorkListSummary::title).setHeader(getTranslation("plan.list-title"));
        grid.addColumn(l -> String.join("、", l.units())).setHeader(getTranslation("worklist.units"));
        grid.addColumn(WorkListSummary::items).setHeader(getTranslation("worklist.items")).setAutoWidth(true);
        grid.addColumn(l -> l.kind() == WorkListKind.PLAN && l.points().signum() == 0 ? getTranslation("plan.unscored")
                : l.points().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("worklist.points")).setAutoWidth(true);
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
