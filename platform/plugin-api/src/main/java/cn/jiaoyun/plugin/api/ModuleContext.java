package cn.jiaoyun.plugin.api;

import java.time.Clock;

/**
 * What the host hands a module when it starts. Safe to use from any thread for as long as the
 * module runs.
 */
public interface ModuleContext {

    /** The module's id, as in its manifest ({@code Plugin-Id}). */
    String moduleId();

    /** The running version ({@code Plugin-Version}). */
    String version();

    /** The clock to read "now" from; tests may fix it. */
    Clock clock();

    /** A logger named after the module; messages go to the server's log. */
    System.Logger logger();

    /** Transactions bound to one bureau, for the module's own tables. */
    ModuleData data();

    /** Publishes the module's indicator values into the core catalog. */
    IndicatorPublisher indicators();

    /** The full route of one of the module's views, for navigation: {@code modules/<id>/<route>}. */
    default String viewRoute(String route) {
        return "modules/" + moduleId() + (route.isEmpty() ? "" : "/" + route);
    }
}
