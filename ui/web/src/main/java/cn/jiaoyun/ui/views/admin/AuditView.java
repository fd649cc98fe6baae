package cn.jiaoyun.ui.views.admin;

import cn.jiaoyun.core.audit.AuditEvent;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.ui.component.Formats;
import cn.jiaoyun.ui.session.AllowedRoles;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.List;

/** The bureau's audit log for its administrator, newest first, a page at a time. */
@Route(value = "admin/audit", layout = MainLayout.class)
@AllowedRoles(Role.BUREAU_ADMIN)
@Prototype
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final int PAGE = 100;

    private final List<AuditEvent> shown = new ArrayList<>();

    public AuditView(AuditLog audit) {
        Actor admin = UiSession.require();
        Grid<AuditEvent> grid = new Grid<>();
        grid.setId("audit");
        grid.addColumn(e -> Formats.dateTime(e.occurredAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> action(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEvent::target).setHeader(getTranslation("audit.target"));
        grid.addColumn(AuditEvent::detail).setHeader(getTranslation("audit.detail"));
        grid.addColumn(AuditEvent::clientIp).setHeader(getTranslation("audit.ip"));
        Button more = new Button(getTranslation("audit.more"));
        more.setId("audit-more");
        more.addClickListener(e -> {
            Long before = shown.isEmpty() ? null : shown.get(shown.size() - 1).id();
            List<AuditEvent> page = audit.page(admin.bureau(), before, PAGE);
            shown.addAll(page);
            grid.setItems(shown);
            more.setEnabled(page.size() == PAGE);
        });
        add(new H2(getTranslation("audit.title")), grid, more);
        setSizeFull();
        grid.setSizeFull();
        more.click();
    }

    private String action(String code) {
        String text = getTranslation("audit.action." + code);
        return text.startsWith("!") ? code : text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
