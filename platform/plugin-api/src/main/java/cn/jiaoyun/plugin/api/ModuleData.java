package cn.jiaoyun.plugin.api;

/**
 * Transactions on the application's connection, bound to one bureau: PostgreSQL's row-level
 * security then shows and accepts only that bureau's rows in every bureau-owned table, including
 * the module's own. Work that throws rolls back. Nesting a call for the same bureau joins the
 * outer transaction; nesting one for another bureau fails.
 */
public interface ModuleData {

    /** Runs {@code work} in a read-write transaction of {@code bureau}. */
    <T> T inBureau(BureauRef bureau, SqlWork<T> work);

    /**
     * Runs {@code work} in a read-write transaction of {@code bureau} that first waits for, then
     * holds until it ends, the module's lock named {@code key} for that bureau: work under the same
     * key and bureau runs one after the other, and each sees what the previous one committed. Use
     * it to recompute figures from the module's tables and publish them, so that two writes
     * arriving together never leave a total that counts only one of them.
     */
    <T> T inBureauExclusively(BureauRef bureau, String key, SqlWork<T> work);

    /** Runs {@code work} in a read-only transaction of {@code bureau}. */
    <T> T readInBureau(BureauRef bureau, SqlWork<T> work);

    /** Reads reference tables (no bureau bound: every bureau-owned table reads as empty). */
    <T> T readReference(SqlWork<T> work);
}
