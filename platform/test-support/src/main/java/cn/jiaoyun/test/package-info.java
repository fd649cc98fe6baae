/**
 * Test support shared by every module: one PostgreSQL per test JVM (Testcontainers where a
 * Docker engine answers, else a server named by {@code JIAOYUN_TEST_DB_URL}, else embedded),
 * a fresh database per application context, the {@link cn.jiaoyun.test.JiaoyunTest}
 * meta-annotation and helpers that talk to the server only through its HTTP API.
 */
package cn.jiaoyun.test;
