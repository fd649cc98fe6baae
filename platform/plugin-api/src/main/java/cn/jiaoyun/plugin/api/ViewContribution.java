package cn.jiaoyun.plugin.api;

import java.util.Objects;
import java.util.Set;

/**
 * A page of a module. The host registers {@code viewClass} as the route
 * {@code modules/<module-id>/<route>} while the module runs, opens it only to members of bureaus
 * that enabled the module and hold one of {@code roles} (any bureau role when empty), and adds a
 * menu entry when {@code menuTitleZh} is given.
 *
 * <p>{@code viewClass} must be a Vaadin Flow {@code com.vaadin.flow.component.Component} with a
 * public constructor taking a {@link ModuleViewContext} (or none). A route parameter is declared
 * the Vaadin way, e.g. {@code cases/:id}. Vaadin classes come from the host; a module cannot
 * bring npm packages or its own Vaadin.
 *
 * @param menuIcon a Vaadin icon name such as {@code TRUCK}, or null
 */
public record ViewContribution(String route, Class<?> viewClass, String menuTitleZh, String menuTitleEn,
                               String menuIcon, Set<String> roles) {

    public ViewContribution {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(viewClass, "viewClass");
        if (!route.matches("([a-z0-9-]+|:[a-zA-Z]+[?]?)(/([a-z0-9-]+|:[a-zA-Z]+[?]?))*|")) {
            throw new IllegalArgumentException("View route '" + route + "' must be lower-case segments");
        }
        roles = Set.copyOf(roles);
    }

    /** A page with a menu entry, for every role of the bureau. */
    public static ViewContribution page(String route, Class<?> viewClass, String titleZh, String titleEn, String icon) {
        return new ViewContribution(route, viewClass, titleZh, titleEn, icon, Set.of());
    }

    /** A page reached by navigation only (a detail page), for every role of the bureau. */
    public static ViewContribution hidden(String route, Class<?> viewClass) {
        return new ViewContribution(route, viewClass, null, null, null, Set.of());
    }

    public boolean inMenu() {
        return menuTitleZh != null;
    }
}
