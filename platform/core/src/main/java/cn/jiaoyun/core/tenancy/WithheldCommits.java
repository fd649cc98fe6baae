package cn.jiaoyun.core.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A view of a connection that runs a tool managing its own transactions (Liquibase) inside the
 * caller's transaction: its commit marks a savepoint, its rollback returns to the last one
 * (Liquibase rolls back after probing for a missing table), and auto-commit and close do nothing.
 * Only the caller ends the real transaction.
 */
final class WithheldCommits implements InvocationHandler {

    private final Connection target;
    private java.sql.Savepoint savepoint;

    private WithheldCommits(Connection target) throws java.sql.SQLException {
        this.target = target;
        this.savepoint = target.setSavepoint();
    }

    static Connection wrap(Connection target) throws java.sql.SQLException {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new WithheldCommits(target));
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                return null;
            case "commit":
                target.releaseSavepoint(savepoint);
                savepoint = target.setSavepoint();
                return null;
            case "rollback":
                if (args == null || args.length == 0) {
                    target.rollback(savepoint);
                    return null;
                }
                break;
            case "setAutoCommit":
                return null;
            case "getAutoCommit":
                return false;
            case "unwrap":
                if (args[0] == Connection.class) {
                    return proxy;
                }
                break;
            default:
                break;
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
