/**
 * The runnable server. Decides where the database is (the embedded PostgreSQL unless a
 * datasource is configured), keeps the embedded mode's generated secrets in the data directory,
 * starts Micronaut and prints where the server answers and how to log in. Nothing depends on it.
 */
package cn.jiaoyun.app;
