/**
 * Bureaus (交通运输局, the tenants) and their organisation: units (局属单位) and departments
 * (处室). Bureaus are defined by {@code tenants/<code>/tenant.yaml} and provisioned at start,
 * or created by platform administrators. May use tenancy and audit; nothing else.
 */
package cn.jiaoyun.core.bureau;
