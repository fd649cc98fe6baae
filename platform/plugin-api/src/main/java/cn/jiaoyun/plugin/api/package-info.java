/**
 * The service provider interface plugin modules compile against: small extension points and
 * immutable records, no Micronaut and no JDBC types. Plugins depend on it with
 * {@code provided} scope because the host supplies these classes at run time. Its extension
 * points arrive with the plugin modules issue.
 */
package cn.jiaoyun.plugin.api;
