package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.ImportPreview;
import cn.jiaoyun.core.assessment.PlanImport;
import cn.jiaoyun.core.assessment.PlanViews.PlanImportResult;
import cn.jiaoyun.core.assessment.PlanViews.PlanItemPreview;
import cn.jiaoyun.core.assessment.PlanViews.PlanPreview;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.component.UploadTexts;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The administrator's import of a narrative plan on the work lists page: upload a .txt or .docx,
 * check the preview (the hierarchy of sections and tasks with their targets, and the lines left
 * out), then store it as a plan list and open it.
 */
class PlanImportUpload extends Composite<Upload> {

    private final PlanImport imports;
    private final Actor actor;
    private final Supplier<Integer> year;
    private final Runnable refresh;

    PlanImportUpload(PlanImport imports, Actor actor, Supplier<Integer> year, Runnable refresh) {
        this.imports = imports;
        this.actor = actor;
        this.year = year;
        this.refresh = refresh;
    }

    @Override
    protected Upload initContent() {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        String ip = VaadinRequest.getCurrent().getRemoteAddr();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() ->
                showPreview(metadata.fileName(), bytes, locale, ip))));
        upload.setId("plan-upload");
        upload.setAcceptedFileTypes(".txt", ".docx");
        upload.setI18n(UploadTexts.of(this));
        upload.setMaxFileSize(50 * 1024 * 1024);
        upload.setDropLabel(new Span(getTranslation("plan.import.drop")));
        return upload;
    }

    private void showPreview(String fileName, byte[] bytes, Locale locale, String ip) {
        Dialog dialog = new Dialog();
        dialog.setId("plan-preview");
        dialog.setWidth("min(1100px, 95vw)");
        dialog.setHeaderTitle(getTranslation("plan.import.preview", fileName));
        try {
            // a plan names its year in its title; the page's year serves only a plan that does not
            PlanPreview found = imports.preview(actor, fileName, bytes, null, locale);
            Integer chosenYear = found.year() == null ? year.get() : null;
            PlanPreview preview = chosenYear == null ? found
                    : imports.preview(actor, fileName, bytes, chosenYear, locale);
            Div heading = new Div(new Span(getTranslation("plan.import.heading", preview.title(),
                    preview.year() == null ? "?" : String.valueOf(preview.year()), preview.items().size(),
                    preview.items().stream().mapToInt(i -> i.targets().size()).sum(), preview.ignored().size())));
            heading.setId("plan-preview-title");
            Div problems = new Div();
            problems.setId("plan-problems");
            problems.getStyle().set("color", "var(--lumo-error-text-color)");
            preview.problems().forEach(p -> problems.add(new Div(p)));
            dialog.add(heading);
            preview.notices().forEach(n -> dialog.add(new Div(n)));
            if (preview.existingListId() != null) {
                dialog.add(new Div(getTranslation("plan.import.existing")));
            }
            dialog.add(hierarchy(preview.items()), ignored(preview.ignored()), problems);
            Button commit = new Button(getTranslation("plan.import.commit"), e -> {
                try {
                    // the person saw the preview, including any notice on the file's encoding
                    PlanImportResult result = imports.commit(actor, fileName, bytes, chosenYear, locale, ip,
                            true);
                    dialog.close();
                    refresh.run();
                    Notification.show(getTranslation("plan.import.done", result.itemsCreated()));
                    UI.getCurrent().navigate(PlanView.class,
                            new RouteParameters("id", String.valueOf(result.listId())));
                } catch (ApiProblem problem) {
                    problems.setText(problem.fullDetail(locale));
                }
            });
            commit.setId("plan-commit");
            commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            commit.setEnabled(preview.committable());
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), commit);
        } catch (ApiProblem problem) {
            Div error = new Div(problem.fullDetail(locale));
            error.setId("plan-problems");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            dialog.add(error);
            dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        }
        dialog.open();
    }

    private TreeGrid<PlanItemPreview> hierarchy(List<PlanItemPreview> items) {
        Map<Integer, List<PlanItemPreview>> children = new HashMap<>();
        List<PlanItemPreview> roots = new ArrayList<>();
        for (PlanItemPreview item : items) {
            if (item.parent() == null) {
                roots.add(item);
            } else {
                children.computeIfAbsent(item.parent(), p -> new ArrayList<>()).add(item);
            }
        }
        TreeGrid<PlanItemPreview> grid = new TreeGrid<>();
        grid.setId("plan-preview-items");
        grid.addHierarchyColumn(i -> i.number() + " " + i.title()).setHeader(getTranslation("plan.item"))
                .setFlexGrow(3).setResizable(true).setSortable(false);
        grid.addColumn(i -> i.targets().stream().map(PlanImportUpload::target).collect(Collectors.joining("；")))
                .setHeader(getTranslation("item.targets")).setFlexGrow(2);
        grid.addColumn(PlanItemPreview::location).setHeader(getTranslation("plan.location")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(roots, i -> children.getOrDefault(i.position(), List.of()));
        grid.expandRecursively(roots, 20);
        grid.setHeight("22rem");
        return grid;
    }

    private static String target(ImportPreview.TargetPreview t) {
        String value = t.value() == null ? "?" : t.value().stripTrailingZeros().toPlainString();
        return t.subject() + " " + t.comparator() + " " + value + t.unit()
                + (t.deadline() == null ? "" : "（" + t.deadline() + "）");
    }

    private Div ignored(List<ImportPreview.Line> lines) {
        UnorderedList list = new UnorderedList();
        list.setId("plan-ignored");
        for (ImportPreview.Line line : lines) {
            list.add(new ListItem(line.location() + "：" + line.text() + " — " + line.reason()));
        }
        Div out = new Div(new H4(getTranslation("plan.import.ignored", lines.size())), list);
        out.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return out;
    }
}
