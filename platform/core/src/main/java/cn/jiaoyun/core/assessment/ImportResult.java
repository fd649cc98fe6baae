package cn.jiaoyun.core.assessment;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a committed import changed. Items missing from the new file are removed unless something
 * was already reported, reviewed or deducted on them; then they are kept ({@code itemsKept}).
 */
@Serdeable
public record ImportResult(ImportPreview preview, int listsCreated, int listsUpdated, int itemsCreated,
                           int itemsUpdated, int itemsUnchanged, int itemsRemoved, int itemsKept,
                           int targetsCreated, int targetsRemoved) {

    /** True when the import found everything already as the file says. */
    public boolean changedNothing() {
        return listsCreated + listsUpdated + itemsCreated + itemsUpdated + itemsRemoved + targetsCreated
                + targetsRemoved == 0;
    }
}
