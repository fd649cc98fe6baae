package cn.jiaoyun.ui.views;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.ui.component.Tile;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.host.BureauModules;
import cn.jiaoyun.host.PluginRuntime;
import cn.jiaoyun.host.RunningModule;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.DashboardCard;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;

import java.util.List;

/**
 * The bureau's home: its units and departments and the modules it uses. Tiles for figures show
 * only figures that exist; a tile without data says so.
 */
@Route(value = "", layout = MainLayout.class)
@Prototype
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(BureauService bureaus, cn.jiaoyun.core.assessment.WorkListService worklists,
                    cn.jiaoyun.core.assessment.AssessmentWorkflow workflow, PluginRuntime runtime,
                    BureauModules bureauModules) {
        Actor actor = UiSession.require();
        String tenant = actor.bureau();
        BureauService.BureauProfile profile = bureaus.profile(tenant);
        List<Unit> units = bureaus.units(tenant).stream().filter(Unit::active).toList();
        List<Department> departments = bureaus.departments(tenant).stream().filter(Department::active).toList();

        H2 heading = new H2(profile.bureau().name());
        heading.setId("home-title");

        Tile unitTile = new Tile("tile-units", getTranslation("home.units"));
        if (units.isEmpty()) {
            unitTile.noData(getTranslation("home.no-data"));
        } else {
            unitTile.figure(String.valueOf(units.size()), getTranslation("unit.count"));
            UnorderedList list = new UnorderedList();
            for (Unit u : units) {
                RouterLink link = new RouterLink(u.name(), UnitView.class, new RouteParameters("id", String.valueOf(u.id())));
                list.add(new ListItem(link));
            }
            unitTile.body(list);
        }

        Tile departmentTile = new Tile("tile-departments", getTranslation("home.departments"));
        if (departments.isEmpty()) {
            departmentTile.noData(getTranslation("home.no-data"));
        } else {
            departmentTile.figure(String.valueOf(departments.size()), getTranslation("department.count"));
            departmentTile.body(new Div(String.join("、", departments.stream().map(Department::name).toList())));
        }

        Tile moduleTile = new Tile("tile-modules", getTranslation("home.modules"));
        if (profile.modules().isEmpty()) {
            moduleTile.noData(getTranslation("home.no-modules"));
        } else {
            UnorderedList list = new UnorderedList();
            profile.modules().forEach(m -> list.add(new ListItem(moduleName(m))));
            moduleTile.body(list);
        }

        Tile overdueTile = new Tile("tile-overdue", getTranslation("home.overdue"));
        var year = worklists.latestYear(tenant);
        var overdue = year.map(y -> workflow.overdue(tenant, y, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))))
                .orElse(List.of());
        if (year.isEmpty()) {
            overdueTile.noData(getTranslation("home.no-worklists"));
        } else if (overdue.isEmpty()) {
            overdueTile.noData(getTranslation("home.no-overdue"));
        } else {
            overdueTile.figure(String.valueOf(overdue.size()), getTranslation("home.overdue-count"));
            UnorderedList list = new UnorderedList();
            overdue.stream().limit(8).forEach(o -> list.add(new ListItem(new RouterLink(
                    o.unitName() + " · " + o.title() + " · " + o.target() + " · " + o.deadline()
                            + (o.overdue() ? getTranslation("home.overdue-past") : getTranslation("home.overdue-soon")),
                    cn.jiaoyun.ui.views.assessment.ItemView.class, new RouteParameters("id", String.valueOf(o.itemId()))))));
            overdueTile.body(list);
        }

        Div tiles = new Div(unitTile, departmentTile, moduleTile, overdueTile);
        if (actor.has(cn.jiaoyun.core.identity.Role.SUPERVISOR)) {
            Tile reviewTile = new Tile("tile-reviews", getTranslation("home.reviews"));
            var pending = year.map(y -> workflow.pendingReviews(actor, y)).orElse(List.of());
            if (pending.isEmpty()) {
                reviewTile.noData(getTranslation("home.no-reviews"));
            } else {
                reviewTile.figure(String.valueOf(pending.size()), getTranslation("home.overdue-count"));
                UnorderedList list = new UnorderedList();
                pending.stream().limit(8).forEach(p -> list.add(new ListItem(new RouterLink(p.unitName() + " · " + p.title(),
                        cn.jiaoyun.ui.views.assessment.ItemView.class, new RouteParameters("id", String.valueOf(p.itemId()))))));
                reviewTile.body(list);
            }
            tiles.add(reviewTile);
        }
        moduleCards(tiles, tenant, profile.modules(), runtime, bureauModules);
        tiles.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        tiles.setWidthFull();
        add(heading, tiles);
    }

    /**
     * The cards of the running modules the bureau enabled. Each figure is computed inside the
     * module's guarded call: a card that throws shows as unavailable (and fails its module), the
     * page itself stays.
     */
    private void moduleCards(Div tiles, String tenant, List<String> enabled, PluginRuntime runtime,
                             BureauModules bureauModules) {
        List<RunningModule> modules = runtime.all().stream()
                .filter(m -> enabled.contains(m.id()) && !m.dashboardCards().isEmpty())
                .sorted(java.util.Comparator.comparing(RunningModule::id))
                .toList();
        if (modules.isEmpty()) {
            return;
        }
        BureauRef bureau = bureauModules.bureau(tenant);
        boolean english = "en".equals(getLocale().getLanguage());
        for (RunningModule module : modules) {
            for (DashboardCard card : module.dashboardCards()) {
                Tile tile = new Tile("tile-module-" + module.id() + "-" + card.key(), english ? card.titleEn() : card.titleZh());
                tile.addClassName("jy-module-tile");
                try {
                    DashboardCard.Value value = module.call(() -> card.source().value(bureau));
                    if (value == null || value.figure() == null) {
                        tile.noData(getTranslation("home.no-data"));
                    } else {
                        String caption = english ? value.captionEn() : value.captionZh();
                        tile.figure(value.figure(), caption == null ? "" : caption);
                        if (value.route() != null) {
                            Anchor open = new Anchor(module.context().viewRoute(value.route()), getTranslation("home.card-open"));
                            open.getElement().setAttribute("router-link", true);
                            tile.body(new Div(open));
                        }
                    }
                } catch (RuntimeException e) {
                    tile.noData(getTranslation("home.card-unavailable"));
                }
                tiles.add(tile);
            }
        }
    }

    private String moduleName(String moduleId) {
        String name = getTranslation("module." + moduleId);
        return name.startsWith("!") ? moduleId : name;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
