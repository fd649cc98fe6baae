/** A platform administrator's pages: the registry of bureaus. No page here shows a bureau's business data. */
package cn.jiaoyun.ui.views.platform;
