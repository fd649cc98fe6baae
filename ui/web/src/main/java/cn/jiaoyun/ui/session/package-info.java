/**
 * Who is logged in to a browser session and what they may open: the session is bound to one
 * bureau (or to the platform) at login, every navigation is checked against the view's roles and
 * the account's current state, and the language chosen.
 */
package cn.jiaoyun.ui.session;
