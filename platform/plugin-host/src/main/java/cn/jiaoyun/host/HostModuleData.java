package cn.jiaoyun.host;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.SqlWork;

/** Bureau-bound transactions for modules, on the application role (row-level security applies). */
final class HostModuleData implements ModuleData {

    private final TenantTransactions tx;

    HostModuleData(TenantTransactions tx) {
        this.tx = tx;
    }

    @Override
    public <T> T inBureau(BureauRef bureau, SqlWork<T> work) {
        return tx.withConnection(bureau.code(), false, c -> run(work, c));
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
