/**
 * PF4J inside Micronaut. {@link cn.jiaoyun.host.PluginInstaller} verifies an uploaded jar,
 * migrates its schema in one transaction that also records the jar, and hands it to
 * {@link cn.jiaoyun.host.PluginRuntime}, which loads, starts and stops modules on this node and
 * reconciles with the database when {@link cn.jiaoyun.host.PluginCluster} hears of a change from
 * any node. {@link cn.jiaoyun.host.ModuleGateway} serves the modules' endpoints.
 */
package cn.jiaoyun.host;
