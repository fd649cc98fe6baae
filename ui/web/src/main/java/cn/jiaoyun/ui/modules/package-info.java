/**
 * Plugin modules in the web UI: their pages registered as routes while they run, created with
 * the signed-in member's context inside the module's guarded call, opened only to bureaus that
 * enabled them, and their failures in event listeners contained by the session's error handler.
 */
package cn.jiaoyun.ui.modules;
