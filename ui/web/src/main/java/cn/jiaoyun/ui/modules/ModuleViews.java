package cn.jiaoyun.ui.modules;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.host.BureauModules;
import cn.jiaoyun.host.ModuleLifecycleListener;
import cn.jiaoyun.host.PluginRuntime;
import cn.jiaoyun.host.RunningModule;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleUser;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import cn.jiaoyun.plugin.api.ViewContribution;
import cn.jiaoyun.ui.server.UiTranslations;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import cn.jiaoyun.ui.views.MainMenu;
import cn.jiaoyun.ui.views.MenuEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The pages of running modules in the web UI. When a module starts on this node its views
 * become routes {@code modules/<module-id>/<route>} inside {@link MainLayout} (registered from
 * whatever thread starts the module, in the application's route registry) and its menu entries
 * join the main menu; when it stops they go. A restart or upgrade registers the same routes
 * with the new classes.
 *
 * <p>A page is created here, inside {@link RunningModule#call}: a constructor that throws marks
 * the module failed and the member sees {@link ModuleViewFailure}'s page. Later exceptions (a
 * button's listener) reach the session's error handler, which recognises the module by the
 * class loader of the classes on the stack, fails it and tells the member; the platform keeps
 * serving.
 */
@Singleton
public class ModuleViews implements ModuleLifecycleListener, VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleViews.class);
    private static final VaadinIcon DEFAULT_ICON = VaadinIcon.PUZZLE_PIECE;
    private static final List<Class<? extends RouterLayout>> LAYOUT = List.of(MainLayout.class);

    /** One page of a running module. */
    public record Page(RunningModule module, ViewContribution contribution, String path,
                       Class<? extends Component> view, Constructor<?> constructor, boolean takesContext) {

        public String moduleId() {
            return module.id();
        }
    }

    private record Registration(RunningModule module, List<Page> pages, List<String> menuIds) {
    }

    private final MainMenu menu;
    private final BureauModules bureauModules;
    private final PluginRuntime runtime;
    /** Guarded by {@code this}. */
    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    private final Map<Class<?>, List<Page>> byView = new ConcurrentHashMap<>();
    /** Guarded by {@code this}; null until Vaadin has started (modules may start first). */
    private ApplicationRouteRegistry registry;

    public ModuleViews(MainMenu menu, BureauModules bureauModules, PluginRuntime runtime) {
        this.menu = menu;
        this.bureauModules = bureauModules;
        this.runtime = runtime;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public synchronized void started(RunningModule module) {
        Registration previous = registrations.remove(module.id());
        if (previous != null) {
            withdraw(previous);
        }
        List<Page> pages = pages(module);
        List<String> menuIds = new ArrayList<>();
        Registration registration = new Registration(module, pages, menuIds);
        if (registry != null) {
            register(registration);
        }
        registrations.put(module.id(), registration);
        pages.forEach(p -> byView.computeIfAbsent(p.view(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(p));
        for (Page page : pages) {
            ViewContribution c = page.contribution();
            if (c.inMenu() && !c.route().contains(":")) {
                String id = "module-" + module.id() + (c.route().isEmpty() ? "" : "-" + c.route().replaceAll("[^a-z0-9]+", "-"));
                menu.contribute(MenuEntry.module(id, module.id(), c.menuTitleZh(), c.menuTitleEn(), page.view(),
                        page.path(), icon(module.id(), c.menuIcon()), c.roles()));
                menuIds.add(id);
            }
        }
        if (!pages.isEmpty()) {
            LOG.info("Module {} {}: pages {}", module.id(), module.version(), pages.stream().map(Page::path).toList());
        }
    }

    @Override
    public synchronized void stopped(RunningModule module) {
        Registration registration = registrations.get(module.id());
        if (registration == null || registration.module() != module) {
            return; // a newer instance of the module already serves (a late notice of an old one)
        }
        registrations.remove(module.id());
        withdraw(registration);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        synchronized (this) {
            registry = ApplicationRouteRegistry.getInstance(event.getSource().getContext());
            for (Registration r : List.copyOf(registrations.values())) {
                try {
                    register(r);
                } catch (RuntimeException e) {
                    registrations.remove(r.module().id());
                    withdraw(r);
                    r.module().fail(e);
                }
            }
        }
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this::error));
    }

    /** Checks every contribution: a Vaadin component with a public constructor taking the context or nothing. */
    private static List<Page> pages(RunningModule module) {
        List<Page> pages = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (ViewContribution c : module.views()) {
            String path = "modules/" + module.id() + (c.route().isEmpty() ? "" : "/" + c.route());
            if (!paths.add(path)) {
                throw new IllegalStateException("two views of module " + module.id() + " use the route " + path);
            }
            if (!Component.class.isAssignableFrom(c.viewClass())) {
                throw new IllegalStateException("view " + c.viewClass().getName() + " of route " + path
                        + " is not a Vaadin component");
            }
            @SuppressWarnings("unchecked")
            Class<? extends Component> view = (Class<? extends Component>) c.viewClass();
            Constructor<?> constructor;
            boolean takesContext = true;
            try {
                constructor = view.getConstructor(ModuleViewContext.class);
            } catch (NoSuchMethodException e) {
                try {
                    constructor = view.getConstructor();
                    takesContext = false;
                } catch (NoSuchMethodException none) {
                    throw new IllegalStateException("view " + view.getName() + " of route " + path
                            + " needs a public constructor taking a ModuleViewContext, or none");
                }
            }
            pages.add(new Page(module, c, path, view, constructor, takesContext));
        }
        return pages;
    }

    private void register(Registration registration) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(registry);
        List<Page> done = new ArrayList<>();
        try {
            for (Page page : registration.pages()) {
                // a route left behind by an earlier instance (it failed before telling us) gives way
                routes.removeRoute(page.path());
                routes.setRoute(page.path(), page.view(), LAYOUT);
                done.add(page);
            }
        } catch (RuntimeException e) {
            done.forEach(p -> routes.removeRoute(p.path(), p.view()));
            throw e;
        }
    }

    private void withdraw(Registration registration) {
        registration.menuIds().forEach(menu::withdraw);
        for (Page page : registration.pages()) {
            List<Page> same = byView.get(page.view());
            if (same != null) {
                same.remove(page);
                if (same.isEmpty()) {
                    byView.remove(page.view());
                }
            }
            if (registry != null) {
                RouteConfiguration.forRegistry(registry).removeRoute(page.path(), page.view());
            }
        }
    }

    private static VaadinIcon icon(String moduleId, String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT_ICON;
        }
        try {
            return VaadinIcon.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            LOG.warn("Module {} names an unknown icon {}; using {}", moduleId, name, DEFAULT_ICON);
            return DEFAULT_ICON;
        }
    }

    // ------------------------------------------------------------------ access and creation

    /** The module pages served by this class, if it is one. */
    public List<Page> pages(Class<?> view) {
        return byView.getOrDefault(view, List.of());
    }

    public boolean isModuleView(Class<?> view) {
        return byView.containsKey(view);
    }

    /**
     * Whether the account may open a module page: a member of a bureau that enabled the module,
     * holding one of the page's roles (any bureau role when none are named), while the module
     * serves. Platform accounts never open module pages.
     */
    public boolean mayOpen(Actor actor, Page page) {
        return actor.tenantId() != null
                && MainMenu.mayUse(actor, page.contribution().roles())
                && runtime.running(page.moduleId()).isPresent()
                && bureauModules.isEnabled(actor.tenantId(), page.moduleId());
    }

    /**
     * Creates a module's page for the signed-in member, inside the module's guarded call.
     *
     * @throws ModuleViewFailure when the module threw (it is marked failed) or no longer serves
     */
    public <T> T create(Class<T> type) {
        Page page = pages(type).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is no module page"));
        Actor actor = UiSession.require();
        UI ui = UI.getCurrent();
        Locale locale = ui != null && "en".equals(ui.getLocale().getLanguage()) ? Locale.ENGLISH : UiTranslations.CHINESE;
        BureauRef bureau = bureauModules.bureau(actor.bureau());
        ModuleUser user = new ModuleUser(actor.userId() == null ? 0 : actor.userId(), actor.username(),
                actor.displayName(), actor.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        ModuleViewContext context = new UiModuleViewContext(page.module().context(), bureau, user, locale);
        try {
            Object view = page.module().call(() -> {
                try {
                    return page.takesContext() ? page.constructor().newInstance(context) : page.constructor().newInstance();
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception ex) {
                        throw ex;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            });
            if (view instanceof Component component && component.getElement().getStyle().get("padding") == null) {
                // the platform's own pages sit in a padded layout; a module's plain page gets the same margin
                component.getElement().getStyle().set("padding", "var(--lumo-space-m)");
            }
            return type.cast(view);
        } catch (RuntimeException e) {
            LOG.warn("Module {} could not create its page {}: {}", page.moduleId(), page.path(), e.toString());
            throw new ModuleViewFailure(page.moduleId(), e);
        }
    }

    // ------------------------------------------------------------------ containment

    /** The session's error handler: a module's exception fails that module; others go to Vaadin's handler. */
    void error(ErrorEvent event) {
        Throwable thrown = event.getThrowable();
        Optional<RunningModule> culprit = culprit(thrown, runtime.all());
        if (culprit.isEmpty()) {
            new DefaultErrorHandler().error(event);
            return;
        }
        RunningModule module = culprit.get();
        LOG.warn("Module {} threw in the web UI; counting it as the module's fault", module.id(), thrown);
        String incident = null;
        try {
            incident = module.fail(thrown);
        } catch (RuntimeException e) {
            LOG.error("Could not record the fault of module {}", module.id(), e);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Div text = new Div(ui.getTranslation("module.failed.notice", moduleName(ui, module.id())));
            if (incident != null) {
                text.add(new Div(ui.getTranslation("module.failed.incident", incident)));
            }
            text.setId("module-failure");
            Notification notification = new Notification(text);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setDuration(10_000);
            notification.setPosition(Notification.Position.TOP_CENTER);
            notification.open();
        }
    }

    /**
     * The running module one of whose classes is on the stack of the throwable (or its causes):
     * a class that the module's own class loader defined.
     */
    static Optional<RunningModule> culprit(Throwable thrown, Collection<RunningModule> modules) {
        if (modules.isEmpty()) {
            return Optional.empty();
        }
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String name = frame.getClassName();
                if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                        || name.startsWith("com.vaadin.") || name.startsWith("org.eclipse.jetty.")) {
                    continue;
                }
                for (RunningModule m : modules) {
                    if (definedBy(m.classLoader(), name)) {
                        return Optional.of(m);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean definedBy(ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader).getClassLoader() == loader;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A static resource ({@code META-INF/resources/<path>}) from a running module's jar, or null. */
    public URL staticResource(String path) {
        String name = "META-INF/resources/" + path.replaceFirst("^/+", "");
        for (RunningModule m : runtime.all()) {
            URL url = m.classLoader().getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** The module's name in the UI's language where the platform knows it, else its id. */
    public static String moduleName(Component where, String moduleId) {
        String name = where.getTranslation("module." + moduleId);
        return name.startsWith("!") ? moduleId : name;
    }

    private static String moduleName(UI ui, String moduleId) {
        String name = ui.getTranslation("module." + moduleId);
        return name.startsWith("!") ? moduleId : name;
    }
}
