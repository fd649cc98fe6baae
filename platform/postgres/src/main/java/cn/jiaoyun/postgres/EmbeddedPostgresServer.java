package cn.jiaoyun.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL cluster run from the binaries packaged in the jar (zonky, linux-amd64), with its
 * data kept in a directory between runs. Needs no PostgreSQL installed on the machine.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** zonky's initdb creates this superuser with trust authentication on the loopback. */
    private static final Credentials SUPERUSER = new Credentials("postgres", "");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a cluster whose data lives in {@code dataDirectory} (created and initialised on first
     * use, reused afterwards) on a free loopback port.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            long t0 = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .start();
            LOG.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)",
                    pg.getPort(), dataDirectory, (System.nanoTime() - t0) / 1_000_000);
            return new EmbeddedPostgresServer(pg, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A preparer acting as the cluster's superuser. */
    public DatabasePreparer preparer() {
        return new DatabasePreparer("jdbc:postgresql://localhost:" + port() + "/postgres", SUPERUSER);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
