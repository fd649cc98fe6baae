/**
 * The service provider interface plugin modules compile against. A module is a PF4J jar whose
 * one {@link cn.jiaoyun.plugin.api.JiaoyunModule} extension the host finds, starts with a
 * {@link cn.jiaoyun.plugin.api.ModuleContext} and asks for its contributions: a Liquibase
 * changelog at {@code db/<module-id>/changelog.xml}, indicators, REST endpoints, views with menu
 * entries, importers and dashboard cards.
 *
 * <p>Plugins depend on this module with {@code provided} scope: the host supplies these classes
 * (and PF4J's) at run time, and refuses a jar that brings its own copy. No Micronaut type appears
 * here; data access is plain JDBC inside transactions the host binds to one bureau.
 */
package cn.jiaoyun.plugin.api;
