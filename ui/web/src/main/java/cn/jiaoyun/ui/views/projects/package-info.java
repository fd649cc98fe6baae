/**
 * Key projects (重点项目): the year's list with its roll-up sentence and cards, and one project's
 * page with its monthly entries, annual plan, milestones and land/resettlement issues. The pages
 * call {@code cn.jiaoyun.core.projects.KeyProjects} only.
 */
package cn.jiaoyun.ui.views.projects;
