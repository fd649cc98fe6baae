package cn.jiaoyun.host;

import cn.jiaoyun.plugin.api.DashboardCard;
import cn.jiaoyun.plugin.api.Endpoint;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.JiaoyunModule;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ViewContribution;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

/**
 * A module serving on this node: its instance, context and contributions. Every call into the
 * module goes through {@link #call}, which counts it in flight (a stop waits for those) and turns
 * an unexpected exception into the module's failure.
 */
public final class RunningModule {

    private final String id;
    private final String version;
    private final String sha256;
    private final JiaoyunModule module;
    private final ModuleContext context;
    private final ClassLoader classLoader;
    private final List<IndicatorDefinition> indicators;
    private volatile List<Endpoint> endpoints = List.of();
    private volatile List<ViewContribution> views = List.of();
    private volatile List<Importer> importers = List.of();
    private volatile List<DashboardCard> cards = List.of();
    private final BiConsumer<RunningModule, Throwable> onFailure;
    private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();
    private volatile boolean stopped;

    RunningModule(String id, String version, String sha256, JiaoyunModule module, ModuleContext context,
                  ClassLoader classLoader, List<IndicatorDefinition> indicators,
                  BiConsumer<RunningModule, Throwable> onFailure) {
        this.id = id;
        this.version = version;
        this.sha256 = sha256;
        this.module = module;
        this.context = context;
        this.classLoader = classLoader;
        this.indicators = List.copyOf(indicators);
        this.onFailure = onFailure;
    }

    /** Starts the module and reads its contributions; throws what the module threw. */
    void start() {
        module.start(context);
        endpoints = List.copyOf(module.endpoints());
        views = List.copyOf(module.views());
        importers = List.copyOf(module.importers());
        cards = List.copyOf(module.dashboardCards());
    }

    /** Waits (up to 30 s) for calls in flight, then stops the module; later calls are refused. */
    void stop() {
        boolean locked = false;
        try {
            locked = inFlight.writeLock().tryLock(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            stopped = true;
            module.stop();
        } finally {
            if (locked) {
                inFlight.writeLock().unlock();
            }
        }
    }

    /** Work that calls into the module. */
    @FunctionalInterface
    public interface ModuleCall<T> {
        T call() throws Exception;
    }

    /**
     * Calls into the module. A {@link ModuleProblem} (the caller's mistake) passes through; any
     * other exception marks the module failed and comes back as {@link ModuleFailure}.
     *
     * @throws ModuleStopped when the module stopped serving meanwhile
     */
    public <T> T call(ModuleCall<T> work) {
        inFlight.readLock().lock();
        try {
            if (stopped) {
                throw new ModuleStopped(id);
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(classLoader);
            try {
                return work.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (ModuleProblem | ModuleStopped e) {
            throw e;
        } catch (Exception | LinkageError e) {
            onFailure.accept(this, e);
            throw new ModuleFailure(id, e);
        } finally {
            inFlight.readLock().unlock();
        }
    }

    /** Reports a failure noticed outside {@link #call} (a view's event listener). */
    public void fail(Throwable cause) {
        onFailure.accept(this, cause);
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String sha256() {
        return sha256;
    }

    public ModuleContext context() {
        return context;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public List<ViewContribution> views() {
        return views;
    }

    public List<Importer> importers() {
        return importers;
    }

    public List<DashboardCard> dashboardCards() {
        return cards;
    }

    public boolean isStopped() {
        return stopped;
    }

    /** The module threw where it should not have; it is being marked failed. */
    public static final class ModuleFailure extends RuntimeException {
        private final String moduleId;

        ModuleFailure(String moduleId, Throwable cause) {
            super(describe(cause), cause);
            this.moduleId = moduleId;
        }

        public String moduleId() {
            return moduleId;
        }
    }

    /** The module stopped serving (upgrade, removal, failure) while a call was on its way. */
    public static final class ModuleStopped extends RuntimeException {
        ModuleStopped(String moduleId) {
            super("Module " + moduleId + " stopped serving");
        }
    }

    /** A throwable as an operator reads it: type, message and the module frame it came from. */
    static String describe(Throwable t) {
        String message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        for (StackTraceElement frame : t.getStackTrace()) {
            if (!frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("cn.jiaoyun.host.")) {
                return message + " (at " + frame + ")";
            }
        }
        return message;
    }
}
