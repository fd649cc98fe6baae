/**
 * A bureau's own organisation in the product: its administrator creates, renames, reorders,
 * deactivates, reactivates and deletes units (局属单位) and departments (处室/科室), and keeps the
 * aliases (别名) its documents write for them, which imports use to match names. Uses tenancy,
 * bureau (the unit and department tables), audit and web.
 */
package cn.jiaoyun.core.organisation;
