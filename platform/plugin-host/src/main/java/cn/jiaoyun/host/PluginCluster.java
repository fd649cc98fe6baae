package cn.jiaoyun.host;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps this node in step with the others: listens on {@value PluginStore#CHANNEL} on a
 * connection of its own and reconciles the modules when any node announces a change. After a
 * lost connection it reconnects and reconciles (a notification may have been missed), and it
 * reconciles every {@code jiaoyun.plugins.resync-seconds} in any case.
 */
@Singleton
@Requires(property = "jiaoyun.plugins.cluster.enabled", notEquals = "false")
public class PluginCluster {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCluster.class);

    private final PluginRuntime runtime;
    private final String url;
    private final String user;
    private final String password;
    private final long resyncMillis;
    private volatile boolean running = true;
    private Thread thread;

    public PluginCluster(PluginRuntime runtime,
                         @Value("${datasources.default.url}") String url,
                         @Value("${datasources.default.username}") String user,
                         @Value("${datasources.default.password}") String password,
                         @Value("${jiaoyun.plugins.resync-seconds:60}") long resyncSeconds) {
        this.runtime = runtime;
        this.url = url;
        this.user = user;
        this.password = password;
        this.resyncMillis = resyncSeconds * 1000;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread = new Thread(this::listen, "jiaoyun-plugin-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + PluginStore.CHANNEL);
                }
                backoff = 500;
                runtime.reconcile();
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastSync = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    boolean due = System.currentTimeMillis() - lastSync > resyncMillis;
                    if ((notes != null && notes.length > 0) || due) {
                        if (notes != null && notes.length > 0) {
                            LOG.info("Module change announced ({}); reconciling", notes[0].getParameter());
                        }
                        runtime.reconcile();
                        lastSync = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Module change listener lost its connection ({}); retrying in {} ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }
}
