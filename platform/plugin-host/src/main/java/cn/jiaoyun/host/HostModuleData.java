package cn.jiaoyun.host;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.SqlWork;

/** Bureau-bound transactions for modules, on the application role (row-level security applies). */
final class HostModuleData implements ModuleData {

    private final TenantTransactions tx;
    private final String moduleId;

    HostModuleData(TenantTransactions tx, String moduleId) {
        this.tx = tx;
        this.moduleId = moduleId;
    }

    @Override
    public <T> T inBureau(BureauRef bureau, SqlWork<T> work) {
        return tx.withConnection(bureau.code(), false, c -> run(work, c));
    }

    @Override
    public <T> T inBureauExclusively(BureauRef bureau, String key, SqlWork<T> work) {
        return tx.withConnection(bureau.code(), false, c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "module:" + moduleId + ":" + bureau.code() + ":" + key);
                ps.execute();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot take the lock " + key + " of module " + moduleId, e);
            }
            return run(work, c);
        });
    }

    @Override
    public <T> T readInBureau(BureauRef bureau, SqlWork<T> work) {
        return tx.withConnection(bureau.code(), true, c -> run(work, c));
    }

    @Override
    public <T> T readReference(SqlWork<T> work) {
        return tx.withConnection("", true, c -> run(work, c));
    }

    private static <T> T run(SqlWork<T> work, java.sql.Connection c) {
        try {
            return work.run(new HostSql(c));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ModuleWorkException(e);
        }
    }

    /** A checked exception from a module's work, carried out of the transaction (which rolls back). */
    static final class ModuleWorkException extends RuntimeException {
        ModuleWorkException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
