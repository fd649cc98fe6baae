/**
 * Runs Vaadin inside the Micronaut process: an embedded Jetty 12 (ee10) started once the API
 * server is up, Vaadin's servlet-container initialisers run by hand with the routes taken from
 * Micronaut's bean definitions, and an Instantiator that builds views from Micronaut beans.
 */
package cn.jiaoyun.ui.server;
