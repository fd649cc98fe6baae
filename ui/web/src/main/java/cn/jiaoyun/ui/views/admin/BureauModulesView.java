package cn.jiaoyun.ui.views.admin;

import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.host.BureauModules;
import cn.jiaoyun.host.InstalledModule;
import cn.jiaoyun.ui.modules.ModuleViews;
import cn.jiaoyun.ui.session.AllowedRoles;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The modules a bureau uses: every module installed on the platform, switched on or off for the
 * bureau by its administrator. A module enabled earlier that is no longer installed is listed
 * too, so that it can be switched off.
 */
@Route(value = "admin/modules", layout = MainLayout.class)
@AllowedRoles(Role.BUREAU_ADMIN)
@Prototype
public class BureauModulesView extends VerticalLayout implements HasDynamicTitle {

    /** One line of the list; {@code state} null when the module is not installed on the platform. */
    record Row(String id, String version, InstalledModule.State state, boolean enabled) {
    }

    private final BureauModules bureauModules;
    private final Actor admin;
    private final Grid<Row> grid = new Grid<>();
    private final Div message = new Div();

    public BureauModulesView(BureauModules bureauModules) {
        this.bureauModules = bureauModules;
        this.admin = UiSession.require();
        grid.setId("bureau-modules");
        grid.addComponentColumn(r -> {
            Span id = new Span(ModuleViews.moduleName(this, r.id()));
            id.setId("bureau-module-" + r.id());
            id.getStyle().set("font-weight", "600");
            Span code = new Span(r.id());
            code.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            return new Div(id, new Div(code));
        }).setHeader(getTranslation("modules.module")).setAutoWidth(true);
        grid.addColumn(r -> r.version() == null ? "" : r.version()).setHeader(getTranslation("modules.version")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.state() == null ? "modules.state.MISSING" : "modules.state." + r.state().name()))
                .setHeader(getTranslation("modules.state")).setAutoWidth(true);
        grid.addComponentColumn(this::toggle).setHeader(getTranslation("modules.enabled")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        message.setId("bureau-modules-message");
        message.getElement().setAttribute("role", "alert");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        Paragraph intro = new Paragraph(getTranslation("modules.bureau-intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2(getTranslation("modules.bureau-title")), intro, message, grid);
        refresh();
    }

    private Component toggle(Row r) {
        Checkbox enabled = new Checkbox(getTranslation(r.enabled() ? "status.enabled" : "status.disabled"), r.enabled());
        enabled.setId("module-enable-" + r.id());
        enabled.setEnabled(r.enabled() || r.state() == InstalledModule.State.ACTIVE);
        enabled.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                if (e.getValue()) {
                    bureauModules.enable(admin.bureau(), r.id(), admin.auditName());
                    Notification.show(getTranslation("modules.enabled-ok", ModuleViews.moduleName(this, r.id())));
                } else {
                    bureauModules.disable(admin.bureau(), r.id(), admin.auditName());
                    Notification.show(getTranslation("modules.disabled-ok", ModuleViews.moduleName(this, r.id())));
                }
                message.setText("");
            } catch (ApiProblem problem) {
                message.setText(problem.fullDetail(UI.getCurrent().getLocale()));
            }
            refresh();
            MainLayout layout = findAncestor(MainLayout.class);
            if (layout != null) {
                layout.refreshMenu();
            }
        });
        return enabled;
    }

    private void refresh() {
        String bureau = admin.bureau();
        List<Row> rows = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (BureauModules.Availability a : bureauModules.availability(bureau)) {
            rows.add(new Row(a.id(), a.version(), a.state(), a.enabled()));
            listed.add(a.id());
        }
        for (String id : new TreeSet<>(bureauModules.enabled(bureau))) {
            if (!listed.contains(id)) {
                rows.add(new Row(id, null, null, true));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.state() == null).thenComparing(Row::id));
        grid.setItems(rows);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("modules.bureau-title") + " · " + getTranslation("app.name");
    }
}
