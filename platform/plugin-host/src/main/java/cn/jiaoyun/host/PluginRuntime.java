package cn.jiaoyun.host;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.plugin.api.JiaoyunModule;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The modules serving on this node. {@link #reconcile()} makes this node match the registry:
 * loads and starts ACTIVE modules (the jar from the database, checked against its SHA-256),
 * swaps a module whose jar changed (upgrade), stops FAILED and REMOVED ones. It runs at start,
 * after every change made here, and whenever another node announces one.
 */
@Context
public class PluginRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRuntime.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** How the failure reason of a module taken out of service for its faults begins. */
    static final String FAULTS = "faults: ";
    private static final int MAX_INCIDENTS = 50;

    private final PluginStore store;
    private final PluginSettings settings;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final BeanContext beans;
    private final PluginManager manager;
    private final Map<String, RunningModule> running = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jiaoyun-plugin-reconcile");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService coolDown = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jiaoyun-plugin-cool-down");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Deque<Incident>> incidents = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private final String node;

    public PluginRuntime(PluginStore store, PluginSettings settings, TenantTransactions tx, AuditLog audit,
                         BeanContext beans) {
        this.store = store;
        this.settings = settings;
        this.tx = tx;
        this.audit = audit;
        this.beans = beans;
        this.manager = new DefaultPluginManager(settings.cacheDirectory());
        this.node = nodeName();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        reconcile();
        long period = Math.max(200, Math.min(15_000, settings.faultCoolDown().toMillis() / 4));
        coolDown.scheduleWithFixedDelay(() -> {
            try {
                returnAfterCoolDown();
            } catch (RuntimeException e) {
                LOG.warn("Returning modules after their cool-down failed: {}", e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        close();
    }

    @PreDestroy
    void close() {
        coolDown.shutdownNow();
        background.shutdownNow();
        synchronized (this) {
            for (String id : new ArrayList<>(running.keySet())) {
                stop(id);
            }
        }
    }

    /** The module if it serves on this node now. */
    public Optional<RunningModule> running(String id) {
        return Optional.ofNullable(running.get(id));
    }

    public Collection<RunningModule> all() {
        return List.copyOf(running.values());
    }

    /**
     * Waits until the module serves here, for at most {@code timeout}: bridges the moment of an
     * upgrade, when the old version has stopped and the new one is starting.
     */
    public Optional<RunningModule> awaitRunning(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                RunningModule m = running.get(id);
                long left = deadline - System.nanoTime();
                if (m != null || left <= 0) {
                    return Optional.ofNullable(m);
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** Makes this node serve exactly the ACTIVE modules of the registry, in dependency order. */
    public synchronized void reconcile() {
        Map<String, InstalledModule> wanted = new HashMap<>();
        for (InstalledModule m : store.list()) {
            if (m.state() == InstalledModule.State.ACTIVE) {
                wanted.put(m.id(), m);
            }
        }
        for (RunningModule m : List.copyOf(running.values())) {
            InstalledModule w = wanted.get(m.id());
            if (w == null || !w.sha256().equals(m.sha256())) {
                stop(m.id());
            }
        }
        List<InstalledModule> order = dependencyOrder(wanted);
        for (InstalledModule m : order) {
            if (!running.containsKey(m.id())) {
                start(m);
            }
        }
    }

    /** Reconciles on the background thread (for callers that hold a module's call in flight). */
    public void reconcileSoon() {
        background.execute(() -> {
            try {
                reconcile();
            } catch (RuntimeException e) {
                LOG.error("Reconciling plugin modules failed", e);
            }
        });
    }

    private List<InstalledModule> dependencyOrder(Map<String, InstalledModule> wanted) {
        List<InstalledModule> order = new ArrayList<>();
        List<InstalledModule> left = new ArrayList<>(wanted.values());
        left.sort(java.util.Comparator.comparing(InstalledModule::id));
        while (!left.isEmpty()) {
            boolean progress = false;
            for (var it = left.iterator(); it.hasNext(); ) {
                InstalledModule m = it.next();
                boolean ready = PluginDependencies.parse(m.dependencies()).stream()
                        .allMatch(d -> d.optional() || order.stream().anyMatch(o -> o.id().equals(d.id())) || running.containsKey(d.id()));
                if (ready) {
                    order.add(m);
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                order.addAll(left); // a dependency is missing: starting them will fail with the reason
                break;
            }
        }
        return order;
    }

    private void start(InstalledModule installed) {
        String id = installed.id();
        Path file = settings.cacheDirectory().resolve(id + "-" + installed.sha256().substring(0, 12) + ".jar");
        RunningModule module = null;
        try {
            byte[] jar = store.jar(id).orElseThrow(() -> new IllegalStateException("the registry holds no jar"));
            if (!JarInspector.sha256(jar).equals(installed.sha256())) {
                throw new IllegalStateException("the stored jar does not match its SHA-256 " + installed.sha256());
            }
            Files.write(file, jar);
            String loaded = manager.loadPlugin(file);
            if (!id.equals(loaded)) {
                throw new IllegalStateException("the jar declares plugin id " + loaded);
            }
            manager.startPlugin(id);
            PluginWrapper wrapper = manager.getPlugin(id);
            List<JiaoyunModule> entries = manager.getExtensions(JiaoyunModule.class, id);
            if (entries.size() != 1) {
                throw new IllegalStateException("expected one JiaoyunModule extension, found " + entries.size());
            }
            JiaoyunModule entry = entries.get(0);
            var context = new HostModuleContext(id, installed.version(), Clock.system(CHINA),
                    System.getLogger("module." + id), new HostModuleData(tx, id),
                    new HostIndicatorPublisher(tx, id, entry.indicators()));
            module = new RunningModule(id, installed.version(), installed.sha256(), entry, context,
                    wrapper.getPluginClassLoader(), entry.indicators(), this::fault);
            RunningModule starting = module;
            withClassLoader(module.classLoader(), starting::start);
            for (ModuleLifecycleListener l : listeners()) {
                l.started(module);
            }
            running.put(id, module);
            signal();
            LOG.info("Module {} {} serves on {}", id, installed.version(), node);
        } catch (Exception | LinkageError e) {
            String reason = RunningModule.describe(e);
            LOG.error("Module {} {} failed to start: {}", id, installed.version(), reason, e);
            if (module != null) {
                notifyStopped(module);
            }
            unload(id, file);
            if (store.markFailed(id, installed.sha256(), "start: " + reason, "node:" + node)) {
                audit.recordPlatform("node:" + node, AuditAction.MODULE_FAILED, "module:" + id, "start: " + reason, null);
            }
        }
    }

    private void stop(String id) {
        RunningModule module = running.remove(id);
        if (module == null) {
            return;
        }
        signal();
        try {
            withClassLoader(module.classLoader(), module::stop);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Module {} threw while stopping: {}", id, e.toString());
        }
        notifyStopped(module);
        unload(id, settings.cacheDirectory().resolve(id + "-" + module.sha256().substring(0, 12) + ".jar"));
        LOG.info("Module {} {} stopped on {}", id, module.version(), node);
    }

    private void notifyStopped(RunningModule module) {
        for (ModuleLifecycleListener l : listeners()) {
            try {
                l.stopped(module);
            } catch (RuntimeException e) {
                LOG.warn("Withdrawing module {} from {} failed: {}", module.id(), l.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private void unload(String id, Path file) {
        try {
            if (manager.getPlugin(id) != null) {
                manager.stopPlugin(id);
                manager.unloadPlugin(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("Unloading module {} failed: {}", id, e.toString());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", file, e.toString());
        }
    }

    /**
     * A fault of the module's code: logged with its details under a new incident id, kept among
     * the module's recent incidents on this node, and counted; when this node has seen
     * {@link PluginSettings#faultThreshold()} within {@link PluginSettings#faultWindow()}, the
     * module is taken out of service everywhere (until the cool-down ends or an administrator
     * restarts it). Returns the incident's id.
     */
    String fault(RunningModule module, Throwable cause) {
        String detail = RunningModule.describe(cause);
        Incident incident = new Incident(Incident.newId(), Instant.now(), node, module.version(), detail);
        LOG.error("Module {} {} fault, incident {}: {}", module.id(), module.version(), incident.id(), detail, cause);
        incidents.compute(module.id(), (id, list) -> {
            Deque<Incident> out = list == null ? new ArrayDeque<>() : list;
            out.addFirst(incident);
            while (out.size() > MAX_INCIDENTS) {
                out.removeLast();
            }
            return out;
        });
        int count = module.countFault(System.nanoTime(), settings.faultWindow());
        if (count >= settings.faultThreshold()) {
            takeOutOfService(module, FAULTS + count + " within " + settings.faultWindow().toSeconds() + " s on "
                    + node + "; last incident " + incident.id() + ": " + detail);
        }
        return incident.id();
    }

    /** The module's recent incidents on this node, newest first. */
    public List<Incident> incidents(String id) {
        Deque<Incident> list = incidents.get(id);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The module stops serving everywhere and the reason is recorded for the administrator. */
    private void takeOutOfService(RunningModule module, String reason) {
        LOG.error("Module {} {} is taken out of service: {}", module.id(), module.version(), reason);
        running.remove(module.id(), module);
        signal();
        try {
            if (store.markFailed(module.id(), module.sha256(), reason, "node:" + node)) {
                audit.recordPlatform("node:" + node, AuditAction.MODULE_FAILED, "module:" + module.id(), reason, null);
            }
        } finally {
            background.execute(() -> {
                try {
                    withClassLoader(module.classLoader(), module::stop);
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Module {} threw while stopping: {}", module.id(), e.toString());
                }
                notifyStopped(module);
                synchronized (this) {
                    if (!running.containsKey(module.id())) {
                        unload(module.id(), settings.cacheDirectory().resolve(
                                module.id() + "-" + module.sha256().substring(0, 12) + ".jar"));
                    }
                }
            });
        }
    }

    /**
     * Puts back every module taken out of service for its faults whose cool-down has ended: runs
     * on every node, and the registry's update lets exactly one of them do it (and audit it).
     */
    void returnAfterCoolDown() {
        List<String> back = store.returnAfterCoolDown(FAULTS, settings.faultCoolDown(), "node:" + node);
        for (String id : back) {
            LOG.info("Module {} returns to service after its cool-down of {} s", id,
                    settings.faultCoolDown().toSeconds());
            audit.recordPlatform("node:" + node, AuditAction.MODULE_RESTARTED, "module:" + id,
                    "cool-down=" + settings.faultCoolDown().toSeconds() + "s", null);
        }
        if (!back.isEmpty()) {
            reconcile();
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private static void withClassLoader(ClassLoader loader, Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Collection<ModuleLifecycleListener> listeners() {
        return beans.getBeansOfType(ModuleLifecycleListener.class);
    }

    /** This node's name in the audit log and failure reasons. */
    public String node() {
        return node;
    }

    private static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
