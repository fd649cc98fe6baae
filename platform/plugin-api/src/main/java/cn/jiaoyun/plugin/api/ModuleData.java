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

    /** Runs {@code work} in a read-only transaction of {@code bureau}. */
    <T> T readInBureau(BureauRef bureau, SqlWork<T> work);

    /** Reads reference tables (no bureau bound: every bureau-owned table reads as empty). */
    <T> T readReference(SqlWork<T> work);
}
