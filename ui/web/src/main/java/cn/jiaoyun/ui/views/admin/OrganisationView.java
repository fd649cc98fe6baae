package cn.jiaoyun.ui.views.admin;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.organisation.Organisation;
import cn.jiaoyun.core.organisation.OrganisationViews.AliasView;
import cn.jiaoyun.core.organisation.OrganisationViews.OrderInput;
import cn.jiaoyun.core.organisation.OrganisationViews.PartInput;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.AllowedRoles;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * 组织机构: the bureau administrator creates, renames, reorders, deactivates, reactivates and
 * deletes units and departments (what has data can only be deactivated), and removes aliases
 * that imports remembered.
 */
@Route(value = "admin/organisation", layout = MainLayout.class)
@AllowedRoles(Role.BUREAU_ADMIN)
@Prototype
public class OrganisationView extends VerticalLayout implements HasDynamicTitle {

    /** A unit or department as the page shows it. */
    private record Row(long id, String code, String name, String shortName, int sortOrder, boolean active) {
    }

    /** What the page does with one kind: units or departments. */
    private record Kind(String id, Supplier<List<Row>> rows, Function<PartInput, Object> create,
                        Change update, Change delete, Function<List<Long>, Object> order) {
    }

    @FunctionalInterface
    private interface Change {
        void apply(long id, PartInput input);
    }

    private final Organisation organisation;
    private final Actor admin;
    private final Div error = new Div();
    private final Grid<AliasView> aliases = new Grid<>();
    private final List<Runnable> refreshers = new ArrayList<>();

    public OrganisationView(BureauService bureaus, Organisation organisation) {
        this.organisation = organisation;
        this.admin = UiSession.require();
        Locale locale = UI.getCurrent().getLocale();
        error.setId("org-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H2(getTranslation("org.title")), error);

        String tenant = admin.bureau();
        Kind units = new Kind("unit",
                () -> bureaus.units(tenant).stream().map(OrganisationView::row).toList(),
                in -> organisation.createUnit(admin, in, clientIp()),
                (id, in) -> organisation.updateUnit(admin, id, in, clientIp()),
                (id, in) -> organisation.deleteUnit(admin, id, locale, clientIp()),
                ids -> organisation.orderUnits(admin, new OrderInput(ids), clientIp()));
        Kind departments = new Kind("department",
                () -> bureaus.departments(tenant).stream().map(OrganisationView::row).toList(),
                in -> organisation.createDepartment(admin, in, clientIp()),
                (id, in) -> organisation.updateDepartment(admin, id, in, clientIp()),
                (id, in) -> organisation.deleteDepartment(admin, id, locale, clientIp()),
                ids -> organisation.orderDepartments(admin, new OrderInput(ids), clientIp()));
        section(units);
        section(departments);

        aliases.setId("org-aliases");
        aliases.addColumn(a -> getTranslation("org.alias.kind." + a.kind())).setHeader(getTranslation("org.alias.kind"))
                .setAutoWidth(true);
        aliases.addColumn(AliasView::name).setHeader(getTranslation("org.alias.name"));
        aliases.addColumn(AliasView::targetName).setHeader(getTranslation("org.alias.target"));
        aliases.addComponentColumn(a -> {
            Button remove = new Button(getTranslation("org.delete"), e -> act(() -> {
                organisation.deleteAlias(admin, a.id(), clientIp());
                refreshAll();
            }));
            remove.setId("alias-delete-" + a.id());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setHeader(getTranslation("org.actions")).setAutoWidth(true);
        aliases.setAllRowsVisible(true);
        add(new H3(getTranslation("org.aliases")), new Div(getTranslation("org.aliases.hint")), aliases);
        refreshers.add(() -> aliases.setItems(organisation.aliases(tenant)));
        refreshAll();
    }

    private void section(Kind kind) {
        Grid<Row> grid = new Grid<>();
        grid.setId("org-" + kind.id() + "s");
        grid.addColumn(Row::sortOrder).setHeader(getTranslation("org.order")).setAutoWidth(true);
        grid.addColumn(Row::name).setHeader(getTranslation("org.name"));
        grid.addColumn(Row::shortName).setHeader(getTranslation("org.short-name")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.active() ? "org.active" : "org.inactive"))
                .setHeader(getTranslation("org.status")).setAutoWidth(true);
        grid.addComponentColumn(r -> actions(kind, r)).setHeader(getTranslation("org.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("org.new." + kind.id()), e -> openEditor(kind, null));
        create.setId("new-" + kind.id());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(new H3(getTranslation("org." + kind.id() + "s")), create);
        bar.setAlignItems(Alignment.BASELINE);
        add(bar, grid);
        refreshers.add(() -> grid.setItems(kind.rows().get()));
    }

    private HorizontalLayout actions(Kind kind, Row r) {
        String prefix = kind.id() + "-";
        Button edit = small(getTranslation("org.edit"), prefix + "edit-" + r.id(), () -> openEditor(kind, r));
        Button up = small("↑", prefix + "up-" + r.id(), () -> move(kind, r, -1));
        up.getElement().setAttribute("aria-label", getTranslation("org.up"));
        Button down = small("↓", prefix + "down-" + r.id(), () -> move(kind, r, 1));
        down.getElement().setAttribute("aria-label", getTranslation("org.down"));
        Button toggle = small(getTranslation(r.active() ? "org.deactivate" : "org.activate"),
                prefix + (r.active() ? "deactivate-" : "activate-") + r.id(),
                () -> act(() -> kind.update().apply(r.id(), new PartInput(null, null, !r.active(), null))));
        Button delete = small(getTranslation("org.delete"), prefix + "delete-" + r.id(),
                () -> act(() -> kind.delete().apply(r.id(), null)));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, up, down, toggle, delete);
    }

    private Button small(String text, String id, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void move(Kind kind, Row r, int by) {
        List<Long> ids = new ArrayList<>(kind.rows().get().stream().map(Row::id).toList());
        int at = ids.indexOf(r.id());
        int to = at + by;
        if (at < 0 || to < 0 || to >= ids.size()) {
            return;
        }
        ids.remove(at);
        ids.add(to, r.id());
        act(() -> kind.order().apply(ids));
    }

    /** Runs a change; a refusal (a unit with data, a name in use) is shown, the page refreshed. */
    private void act(Runnable change) {
        error.setText("");
        try {
            change.run();
            Notification.show(getTranslation("action.saved"));
        } catch (ApiProblem problem) {
            error.setText(problem.fullDetail(UI.getCurrent().getLocale()));
        }
        refreshAll();
    }

    private void openEditor(Kind kind, Row existing) {
        Dialog dialog = new Dialog();
        dialog.setId("org-editor");
        dialog.setHeaderTitle(getTranslation(existing == null ? "org.new." + kind.id() : "org.edit")
                + (existing == null ? "" : " · " + existing.name()));
        TextField name = new TextField(getTranslation("org.name"));
        name.setId("org-name");
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        TextField shortName = new TextField(getTranslation("org.short-name"));
        shortName.setId("org-short-name");
        if (existing != null) {
            name.setValue(existing.name());
            shortName.setValue(existing.shortName() == null ? "" : existing.shortName());
        }
        Div dialogError = new Div();
        dialogError.setId("org-editor-error");
        dialogError.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("action.save"), e -> {
            name.setInvalid(false);
            shortName.setInvalid(false);
            dialogError.setText("");
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("org.name.required"));
                name.setInvalid(true);
                return;
            }
            PartInput in = new PartInput(name.getValue(), shortName.getValue(), null, null);
            try {
                if (existing == null) {
                    kind.create().apply(in);
                } else {
                    kind.update().apply(existing.id(), in);
                }
                dialog.close();
                refreshAll();
                Notification.show(getTranslation("action.saved"));
            } catch (ApiProblem problem) {
                Locale locale = UI.getCurrent().getLocale();
                for (ApiProblem.FieldError f : problem.fieldErrors()) {
                    TextField field = "shortName".equals(f.field()) ? shortName : name;
                    field.setErrorMessage(ApiProblem.message(f, locale));
                    field.setInvalid(true);
                }
                if (problem.fieldErrors().isEmpty()) {
                    dialogError.setText(problem.detail(locale));
                }
            }
        });
        save.setId("org-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, shortName);
        dialog.add(form, dialogError);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("org-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    private void refreshAll() {
        refreshers.forEach(Runnable::run);
    }

    private static Row row(Unit u) {
        return new Row(u.id(), u.code(), u.name(), u.shortName(), u.sortOrder(), u.active());
    }

    private static Row row(Department d) {
        return new Row(d.id(), d.code(), d.name(), d.shortName(), d.sortOrder(), d.active());
    }

    private static String clientIp() {
        return VaadinRequest.getCurrent().getRemoteAddr();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("org.title") + " · " + getTranslation("app.name");
    }
}
