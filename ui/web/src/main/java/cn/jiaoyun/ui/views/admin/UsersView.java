package cn.jiaoyun.ui.views.admin;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.identity.UserChange;
import cn.jiaoyun.core.identity.UserService;
import cn.jiaoyun.core.identity.UserView;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.AllowedRoles;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.context.annotation.Prototype;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A bureau administrator manages the bureau's users: create, change roles and unit, disable, reset password. */
@Route(value = "admin/users", layout = MainLayout.class)
@AllowedRoles(Role.BUREAU_ADMIN)
@Prototype
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private static final Set<Role> BUREAU_ROLES = EnumSet.of(Role.REPORTER, Role.SUPERVISOR, Role.VIEWER, Role.BUREAU_ADMIN);

    private final UserService users;
    private final Actor admin;
    private final Grid<UserView> grid = new Grid<>();
    private final List<Unit> units;
    private final List<Department> departments;

    public UsersView(UserService users, BureauService bureaus) {
        this.users = users;
        this.admin = UiSession.require();
        this.units = bureaus.units(admin.bureau()).stream().filter(Unit::active).toList();
        this.departments = bureaus.departments(admin.bureau()).stream().filter(Department::active).toList();
        Map<Long, String> unitNames = units.stream().collect(Collectors.toMap(Unit::id, Unit::name));
        Map<Long, String> departmentNames = departments.stream().collect(Collectors.toMap(Department::id, Department::name));

        grid.setId("users");
        grid.addColumn(UserView::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(UserView::displayName).setHeader(getTranslation("users.display-name")).setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(r -> getTranslation("role." + r)).collect(Collectors.joining("、")))
                .setHeader(getTranslation("users.roles"));
        grid.addColumn(u -> u.unitId() == null ? "" : unitNames.getOrDefault(u.unitId(), ""))
                .setHeader(getTranslation("users.unit"));
        grid.addColumn(u -> u.departmentId() == null ? "" : departmentNames.getOrDefault(u.departmentId(), ""))
                .setHeader(getTranslation("users.department"));
        grid.addColumn(u -> getTranslation(u.enabled() ? "status.enabled" : "status.disabled"))
                .setHeader(getTranslation("users.status"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        Button create = new Button(getTranslation("users.new"), e -> openEditor(null));
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        H2 heading = new H2(getTranslation("users.title"));
        add(new HorizontalLayout(heading, create), grid);
        refresh();
    }

    private HorizontalLayout actions(UserView user) {
        Button edit = new Button(getTranslation("users.edit"), e -> openEditor(user));
        edit.setId("edit-" + user.username());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button reset = new Button(getTranslation("users.reset-password"), e -> openPasswordReset(user));
        reset.setId("reset-" + user.username());
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(edit, reset);
    }

    private void refresh() {
        grid.setItems(users.list(admin.bureau()));
    }

    /** Creates a user ({@code existing} null) or changes one. */
    private void openEditor(UserView existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "users.new" : "users.edit") 
                + (existing == null ? "" : " · " + existing.username()));
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("user-username");
        TextField displayName = new TextField(getTranslation("users.display-name"));
        displayName.setId("user-display-name");
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("user-password");
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("users.roles"));
        roles.setId("user-roles");
        roles.setItems(BUREAU_ROLES);
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        ComboBox<Unit> unit = new ComboBox<>(getTranslation("users.unit"), units);
        unit.setId("user-unit");
        unit.setItemLabelGenerator(Unit::name);
        unit.setClearButtonVisible(true);
        ComboBox<Department> department = new ComboBox<>(getTranslation("users.department"), departments);
        department.setId("user-department");
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        Checkbox enabled = new Checkbox(getTranslation("status.enabled"), true);
        enabled.setId("user-enabled");
        Div error = errorArea("user-error");

        FormLayout form = new FormLayout();
        if (existing == null) {
            form.add(username, displayName, password, roles, unit, department);
        } else {
            displayName.setValue(existing.displayName());
            roles.setValue(existing.roles().stream().map(Role::valueOf).collect(Collectors.toSet()));
            unit.setValue(find(units, Unit::id, existing.unitId()));
            department.setValue(find(departments, Department::id, existing.departmentId()));
            enabled.setValue(existing.enabled());
            form.add(displayName, roles, unit, department, enabled);
        }
        Button save = new Button(getTranslation("action.save"), e -> {
            List<String> roleNames = roles.getValue().stream().map(Enum::name).sorted().toList();
            Long unitId = unit.getValue() == null ? null : unit.getValue().id();
            Long departmentId = department.getValue() == null ? null : department.getValue().id();
            try {
                if (existing == null) {
                    users.create(admin, new UserChange(username.getValue(), displayName.getValue(), password.getValue(),
                            roleNames, unitId, departmentId, true), clientIp());
                } else {
                    users.update(admin, existing.id(), new UserChange(null, displayName.getValue(), null, roleNames,
                            unitId, departmentId, enabled.getValue()), clientIp());
                }
                dialog.close();
                refresh();
                Notification.show(getTranslation("action.saved"));
            } catch (ApiProblem problem) {
                error.setText(describe(problem));
            }
        });
        save.setId("save-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(form, error);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void openPasswordReset(UserView user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.reset-password") + " · " + user.username());
        PasswordField password = new PasswordField(getTranslation("users.new-password"));
        password.setId("reset-password");
        Div error = errorArea("reset-error");
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                users.resetPassword(admin, user.id(), password.getValue(), clientIp());
                dialog.close();
                Notification.show(getTranslation("users.password-reset-done"));
            } catch (ApiProblem problem) {
                error.setText(describe(problem));
            }
        });
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(password, error);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private static Div errorArea(String id) {
        Div error = new Div();
        error.setId(id);
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        return error;
    }

    private static String describe(ApiProblem problem) {
        return problem.fullDetail(UI.getCurrent().getLocale());
    }

    private static String clientIp() {
        return VaadinRequest.getCurrent().getRemoteAddr();
    }

    private static <T> T find(List<T> items, Function<T, Long> id, Long wanted) {
        return wanted == null ? null : items.stream().filter(i -> wanted.equals(id.apply(i))).findFirst().orElse(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
