package cn.jiaoyun.plugin.api;

/** Work done inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Sql sql) throws Exception;
}
