package cn.jiaoyun.ui.session;

import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.identity.UserService;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.ui.server.UiTranslations;
import cn.jiaoyun.ui.views.HomeView;
import cn.jiaoyun.ui.views.LoginView;
import cn.jiaoyun.ui.views.platform.BureausView;
import cn.jiaoyun.ui.views.region.ComparisonView;
import cn.jiaoyun.ui.modules.ModuleViews;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every navigation: a visitor who is not logged in goes to the login page; a logged-in
 * account may open a view only with one of its roles; a bureau user whose account was disabled
 * meanwhile is logged out at the next navigation. A module's page opens only to members of a
 * bureau that enabled the module, with one of the page's roles; to anyone else it does not
 * exist. New sessions start in Chinese.
 */
@Singleton
public class AccessGuard implements VaadinServiceInitListener {

    private static final Set<Role> BUREAU_ROLES = EnumSet.of(Role.REPORTER, Role.SUPERVISOR, Role.VIEWER, Role.BUREAU_ADMIN);

    private final UserService users;
    private final ModuleViews modules;

    public AccessGuard(UserService users, ModuleViews modules) {
        this.users = users;
        this.modules = modules;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(UiTranslations.CHINESE));
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(PublicView.class)) {
            return;
        }
        Actor actor = UiSession.actor().orElse(null);
        if (actor == null) {
            event.rerouteTo(LoginView.class);
            return;
        }
        if (actor.tenantId() != null && actor.userId() != null && !users.isActive(actor.tenantId(), actor.userId())) {
            UiSession.forget();
            event.rerouteTo(LoginView.class);
            return;
        }
        if (HasErrorParameter.class.isAssignableFrom(target)) {
            return; // an error page (not found, forbidden, module failed) is for every account
        }
        if (target == HomeView.class && actor.tenantId() == null && actor.has(Role.PLATFORM_ADMIN)) {
            event.rerouteTo(BureausView.class);
            return;
        }
        if (target == HomeView.class && actor.tenantId() == null && actor.has(Role.REGIONAL_ANALYST)) {
            // an analyst belongs to no bureau: their home is the comparison of their region
            event.rerouteTo(ComparisonView.class);
            return;
        }
        List<ModuleViews.Page> pages = modules.pages(target);
        if (!pages.isEmpty()) {
            // a module's page: unknown to whoever may not use it, as any address that leads nowhere
            if (pages.stream().noneMatch(p -> modules.mayOpen(actor, p))) {
                event.rerouteToError(NotFoundException.class);
            }
            return;
        }
        if (!mayOpen(actor, target)) {
            event.rerouteToError(new Forbidden(target.getSimpleName()), target.getSimpleName());
        }
    }

    /** Whether the account may open the view class (also used to build the menu). */
    public static boolean mayOpen(Actor actor, Class<?> view) {
        AllowedRoles allowed = view.getAnnotation(AllowedRoles.class);
        Set<Role> roles = allowed == null ? BUREAU_ROLES : Set.of(allowed.value());
        return actor.hasAny(roles);
    }
}
