package cn.jiaoyun.ui.views;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.ui.session.UiSession;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouteConfiguration;
import cn.jiaoyun.host.BureauModules;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The frame of every page after login: the bureau's name, the user's name and roles, the menu
 * the account may use, the language switch and logout.
 */
@Prototype
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final MainMenu menu;
    private final BureauModules bureauModules;
    private final Actor actor;
    private final SideNav nav = new SideNav();
    private List<String> shownIds;

    public MainLayout(BureauService bureaus, MainMenu menu, BureauModules bureauModules) {
        this.menu = menu;
        this.bureauModules = bureauModules;
        Actor actor = UiSession.require();
        this.actor = actor;
        String place;
        List<String> modules;
        if (actor.tenantId() != null) {
            BureauService.BureauProfile profile = bureaus.profile(actor.tenantId());
            place = profile.bureau().name();
            modules = profile.modules();
        } else {
            place = getTranslation(actor.has(Role.PLATFORM_ADMIN) ? "layout.platform" : "layout.region");
            modules = List.of();
        }
        Span product = new Span(getTranslation("app.name"));
        product.getStyle().set("font-weight", "700").set("margin-right", "var(--lumo-space-m)");
        Span bureau = new Span(place);
        bureau.setId("bureau-name");
        Span user = new Span(actor.displayName() + "（" + actor.roles().stream()
                .map(r -> getTranslation("role." + r.name())).collect(Collectors.joining("、")) + "）");
        user.setId("user-name");
        Button language = LanguageSwitch.button();
        Button logout = new Button(getTranslation("layout.logout"), e -> {
            UiSession.logout();
            UI.getCurrent().getPage().setLocation("login");
        });
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), product, bureau, new Span(), user, language, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(3));
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        nav.setId("main-menu");
        fillMenu(modules);
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /**
     * Builds the menu again: modules come and go while the page is open (installed, enabled,
     * failed), so every navigation and every change of the bureau's modules refreshes it.
     */
    public void refreshMenu() {
        fillMenu(actor.tenantId() == null ? List.of() : List.copyOf(bureauModules.enabled(actor.tenantId())));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshMenu();
    }

    private void fillMenu(List<String> modules) {
        List<MenuEntry> entries = menu.entriesFor(actor, modules);
        List<String> ids = entries.stream().map(MenuEntry::id).toList();
        if (ids.equals(shownIds)) {
            return;
        }
        shownIds = ids;
        nav.removeAll();
        for (MenuEntry entry : entries) {
            String path = entry.path() != null ? entry.path() : RouteConfiguration.forSessionScope().getUrl(entry.view());
            SideNavItem item = new SideNavItem(entry.label(getLocale(), this::getTranslation), path,
                    entry.icon().create());
            item.setId("menu-" + entry.id());
            nav.addItem(item);
        }
    }
}
