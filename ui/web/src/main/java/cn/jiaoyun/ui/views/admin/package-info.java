/** A bureau administrator's pages: the bureau's users and its audit log. */
package cn.jiaoyun.ui.views.admin;
