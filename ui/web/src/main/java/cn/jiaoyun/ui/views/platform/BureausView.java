package cn.jiaoyun.ui.views.platform;

import cn.jiaoyun.core.bureau.Bureau;
import cn.jiaoyun.core.bureau.BureauCreation;
import cn.jiaoyun.core.bureau.BureauLevel;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.identity.Role;
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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.context.annotation.Prototype;

import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of bureaus: list them and create one with its first administrator. */
@Route(value = "platform/bureaus", layout = MainLayout.class)
@AllowedRoles(Role.PLATFORM_ADMIN)
@Prototype
public class BureausView extends VerticalLayout implements HasDynamicTitle {

    private final BureauService bureaus;
    private final BureauCreation creation;
    private final Actor admin;
    private final Grid<Bureau> grid = new Grid<>();

    public BureausView(BureauService bureaus, BureauCreation creation) {
        this.bureaus = bureaus;
        this.creation = creation;
        this.admin = UiSession.require();
        grid.setId("bureaus");
        grid.addColumn(Bureau::id).setHeader(getTranslation("bureaus.code")).setAutoWidth(true);
        grid.addColumn(Bureau::name).setHeader(getTranslation("bureaus.name")).setAutoWidth(true);
        grid.addColumn(b -> getTranslation("level." + b.level().name())).setHeader(getTranslation("bureaus.level"));
        grid.addColumn(Bureau::regionCode).setHeader(getTranslation("bureaus.region"));
        grid.addColumn(b -> b.parentName() == null ? "" : b.parentName() + "（" + b.parentRegionCode() + "）")
                .setHeader(getTranslation("bureaus.parent"));
        grid.addColumn(b -> b.synthetic() ? getTranslation("bureaus.synthetic") : "").setHeader(getTranslation("bureaus.data"));
        grid.addColumn(b -> getTranslation(b.active() ? "status.active" : "status.suspended")).setHeader(getTranslation("bureaus.status"));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("bureaus.new"), e -> openCreation());
        create.setId("new-bureau");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2(getTranslation("bureaus.title")), create), grid);
        grid.setItems(bureaus.all());
    }

    private void openCreation() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("bureaus.new"));
        TextField code = field("bureau-code", "bureaus.code");
        TextField name = field("bureau-name-field", "bureaus.name");
        Select<BureauLevel> level = new Select<>();
        level.setLabel(getTranslation("bureaus.level"));
        level.setId("bureau-level");
        level.setItems(BureauLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("level." + l.name()));
        TextField region = field("bureau-region", "bureaus.region");
        TextField parentRegion = field("bureau-parent-region", "bureaus.parent-region");
        TextField parentName = field("bureau-parent-name", "bureaus.parent-name");
        TextField adminUser = field("bureau-admin-username", "bureaus.admin-username");
        TextField adminName = field("bureau-admin-name", "bureaus.admin-name");
        PasswordField adminPassword = new PasswordField(getTranslation("bureaus.admin-password"));
        adminPassword.setId("bureau-admin-password");
        Div error = new Div();
        error.setId("bureau-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("action.save"), e -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code.getValue());
            body.put("name", name.getValue());
            body.put("level", level.getValue() == null ? null : level.getValue().name());
            body.put("regionCode", region.getValue());
            body.put("parent", Map.of("regionCode", parentRegion.getValue(), "name", parentName.getValue()));
            body.put("admin", Map.of("username", adminUser.getValue(), "displayName", adminName.getValue(),
                    "password", adminPassword.getValue()));
            try {
                creation.create(admin, body, VaadinRequest.getCurrent().getRemoteAddr());
                dialog.close();
                grid.setItems(bureaus.all());
                Notification.show(getTranslation("action.saved"));
            } catch (ApiProblem problem) {
                error.setText(problem.fullDetail(UI.getCurrent().getLocale()));
            }
        });
        save.setId("save-bureau");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name, level, region, parentRegion, parentName, adminUser, adminName, adminPassword);
        dialog.add(form, error);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private TextField field(String id, String labelKey) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId(id);
        return f;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bureaus.title") + " · " + getTranslation("app.name");
    }
}
