/**
 * Key projects (重点交通建设项目) of a bureau: the list with category, level and owner, annual
 * plans, monthly investment and physical progress, milestones and land/resettlement issues; the
 * year's roll-up (KeyProjectRollup, pure arithmetic) and its wording in 万元/亿元 (KeyProjectText);
 * the demo bureaus' projects loaded from {@code tenants/<code>/demo/key-projects-<year>.csv}.
 * It may use tenancy, audit, web and writes the core indicator {@code invest.key_projects} only
 * through {@code IndicatorValues}; nothing here reads another feature's tables.
 */
package cn.jiaoyun.core.projects;
