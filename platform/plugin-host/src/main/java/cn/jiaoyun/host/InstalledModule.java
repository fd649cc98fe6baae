package cn.jiaoyun.host;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A module as the platform records it, the same on every node.
 *
 * @param state          ACTIVE (should serve), FAILED (stopped, see {@code failureReason}) or
 *                       REMOVED (uninstalled; its tables and data kept until purged)
 * @param tables         the tables its migrations created
 * @param referenceTables the tables it declared as shared reference data
 */
@Serdeable
public record InstalledModule(String id, String version, State state, @Nullable String failureReason,
                              @Nullable String requires, @Nullable String dependencies, String sha256,
                              long sizeBytes, @Nullable String signedBy, List<String> tables,
                              List<String> referenceTables, String installedBy, Instant installedAt,
                              String updatedBy, Instant updatedAt) {

    /** The cluster-wide state of a module. */
    public enum State {
        ACTIVE, FAILED, REMOVED
    }
}
