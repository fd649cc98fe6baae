package cn.jiaoyun.ui.views;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.ui.session.AccessGuard;
import cn.jiaoyun.ui.views.admin.AuditView;
import cn.jiaoyun.ui.views.admin.OrganisationView;
import cn.jiaoyun.ui.views.admin.UsersView;
import cn.jiaoyun.ui.views.assessment.ScorecardView;
import cn.jiaoyun.ui.views.assessment.WorkListsView;
import cn.jiaoyun.ui.views.figures.FiguresView;
import cn.jiaoyun.ui.views.region.ComparisonView;
import cn.jiaoyun.ui.views.platform.BureausView;
import com.vaadin.flow.component.icon.VaadinIcon;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The entries of the main menu: the platform's own and those contributed at run time (plugin
 * modules). Each account sees the entries its roles may open and, for module entries, only when
 * its bureau has the module enabled.
 */
@Singleton
public class MainMenu {

    private final List<MenuEntry> entries = new CopyOnWriteArrayList<>(List.of(
            new MenuEntry("home", "menu.home", HomeView.class, VaadinIcon.HOME, null),
            new MenuEntry("worklists", "menu.worklists", WorkListsView.class, VaadinIcon.CLIPBOARD_CHECK, null),
            new MenuEntry("figures", "menu.figures", FiguresView.class, VaadinIcon.TABLE, null),
            new MenuEntry("scorecards", "menu.scorecards", ScorecardView.class, VaadinIcon.TROPHY, null),
            new MenuEntry("key-projects", "menu.key-projects",
                    cn.jiaoyun.ui.views.projects.KeyProjectsView.class, VaadinIcon.ROAD, null),
            new MenuEntry("region-compare", "menu.region-compare", ComparisonView.class, VaadinIcon.BAR_CHART, null),
            new MenuEntry("organisation", "menu.organisation", OrganisationView.class, VaadinIcon.SITEMAP, null),
            new MenuEntry("users", "menu.users", UsersView.class, VaadinIcon.USERS, null),
            new MenuEntry("audit", "menu.audit", AuditView.class, VaadinIcon.LIST, null),
            new MenuEntry("bureau-modules", "menu.bureau-modules", cn.jiaoyun.ui.views.admin.BureauModulesView.class,
                    VaadinIcon.PUZZLE_PIECE, null),
            new MenuEntry("bureaus", "menu.bureaus", BureausView.class, VaadinIcon.BUILDING, null),
            new MenuEntry("platform-modules", "menu.platform-modules",
                    cn.jiaoyun.ui.views.platform.PlatformModulesView.class, VaadinIcon.PUZZLE_PIECE, null)));

    /** Entries contributed at run time; they follow the platform's business pages in the menu. */
    private final List<MenuEntry> contributed = new CopyOnWriteArrayList<>();

    /** Adds an entry (a module's page); it shows only to bureaus that enabled the module. */
    public void contribute(MenuEntry entry) {
        contributed.add(entry);
    }

    public void withdraw(String id) {
        entries.removeIf(e -> e.id().equals(id));
        contributed.removeIf(e -> e.id().equals(id));
    }

    /** The entries this account sees, given the modules its bureau has enabled. */
    public List<MenuEntry> entriesFor(Actor actor, Collection<String> enabledModules) {
        List<MenuEntry> all = new java.util.ArrayList<>(entries);
        int after = 0;
        while (after < all.size() && !all.get(after).id().equals("scorecards")) {
            after++;
        }
        all.addAll(Math.min(after + 1, all.size()), contributed);
        return all.stream()
                .filter(e -> AccessGuard.mayOpen(actor, e.view()))
                .filter(e -> e.moduleId() == null || enabledModules.contains(e.moduleId()))
                .filter(e -> e.moduleId() == null || mayUse(actor, e.roles()))
                .toList();
    }

    /** A module's page is for members of a bureau holding one of its roles (any bureau role when none are named). */
    public static boolean mayUse(Actor actor, java.util.Set<String> roles) {
        return actor.tenantId() != null && actor.roles().stream()
                .anyMatch(r -> r.isBureauRole() && (roles.isEmpty() || roles.contains(r.name())));
    }
}
