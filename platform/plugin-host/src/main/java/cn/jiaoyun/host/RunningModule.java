package cn.jiaoyun.host;

import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.plugin.api.DashboardCard;
import cn.jiaoyun.plugin.api.Endpoint;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.JiaoyunModule;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ViewContribution;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A module serving on this node: its instance, context and contributions. Every call into the
 * module goes through {@link #call}, which counts it in flight (a stop waits for those), answers
 * the caller's mistakes as problems ({@link CallerFault}) and reports anything else as a fault of
 * the module's code (an incident, which may take the module out of service).
 */
public final class RunningModule {

    private static final Logger LOG = LoggerFactory.getLogger(RunningModule.class);

    /** Where a module's faults are reported: returns the incident's id. */
    @FunctionalInterface
    interface FaultSink {
        String fault(RunningModule module, Throwable cause);
    }

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
    private final FaultSink faults;
    private final Deque<Long> recentFaults = new ArrayDeque<>();
    private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();
    private volatile boolean stopped;

    RunningModule(String id, String version, String sha256, JiaoyunModule module, ModuleContext context,
                  ClassLoader classLoader, List<IndicatorDefinition> indicators,
                  FaultSink faults) {
        this.id = id;
        this.version = version;
        this.sha256 = sha256;
        this.module = module;
        this.context = context;
        this.classLoader = classLoader;
        this.indicators = List.copyOf(indicators);
        this.faults = faults;
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

    /** Calls into the module for work that carries no input of the caller's (a page, a card). */
    public <T> T call(ModuleCall<T> work) {
        return call(CallerFault.Input.NONE, null, work);
    }

    /**
     * Calls into the module. The caller's mistake ({@link ModuleProblem}, {@link ApiProblem}, a bad
     * value, file or conflict: see {@link CallerFault}) comes back as {@link ApiProblem} and leaves
     * the module as it was; anything else is the module's fault, reported as an incident, and
     * comes back as {@link ModuleFailure} carrying only the incident's id.
     *
     * @param input    what the request gave the module, named in the answer about a bad value
     * @param fileName the uploaded file, for {@link CallerFault.Input#FILE}
     * @throws ModuleStopped when the module stopped serving meanwhile
     */
    public <T> T call(CallerFault.Input input, @Nullable String fileName, ModuleCall<T> work) {
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
        } catch (ModuleStopped e) {
            throw e;
        } catch (Exception | LinkageError | StackOverflowError e) {
            Optional<ApiProblem> callers = CallerFault.of(e, input, fileName);
            if (callers.isPresent()) {
                if (!(e instanceof ModuleProblem) && !(e instanceof ApiProblem)) {
                    LOG.info("Module {}: the caller's mistake answered {}: {}", id, callers.get().status().getCode(),
                            describe(e));
                }
                throw callers.get();
            }
            throw new ModuleFailure(id, faults.fault(this, e), e);
        } finally {
            inFlight.readLock().unlock();
        }
    }

    /** Reports a fault noticed outside {@link #call} (a view's event listener); returns the incident's id. */
    public String fail(Throwable cause) {
        return faults.fault(this, cause);
    }

    /**
     * Counts one fault at {@code nanoTime}; returns how many fell within {@code window} up to it.
     */
    int countFault(long nanoTime, Duration window) {
        synchronized (recentFaults) {
            recentFaults.addLast(nanoTime);
            while (!recentFaults.isEmpty() && nanoTime - recentFaults.peekFirst() > window.toNanos()) {
                recentFaults.removeFirst();
            }
            return recentFaults.size();
        }
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

    /** The module's code failed (not the caller's mistake); the details are with the incident. */
    public static final class ModuleFailure extends RuntimeException {
        private final String moduleId;
        private final String incident;

        ModuleFailure(String moduleId, String incident, Throwable cause) {
            super("Module " + moduleId + " failed, incident " + incident, cause);
            this.moduleId = moduleId;
            this.incident = incident;
        }

        public String moduleId() {
            return moduleId;
        }

        /** The incident's id, which the caller may quote to the platform administrator. */
        public String incident() {
            return incident;
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
