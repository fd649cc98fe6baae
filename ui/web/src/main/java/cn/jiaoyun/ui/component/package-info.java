/** Small pieces shared by views: how dates and people's roles are shown, tiles of the dashboard. */
package cn.jiaoyun.ui.component;
