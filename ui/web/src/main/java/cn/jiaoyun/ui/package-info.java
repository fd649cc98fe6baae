/**
 * The web UI bureau staff, administrators and analysts use every day: Vaadin Flow in an
 * embedded Jetty started by Micronaut. Views receive the platform's services through their
 * constructors; every label comes from the {@code i18n/ui} bundles (zh-CN by default).
 */
package cn.jiaoyun.ui;
