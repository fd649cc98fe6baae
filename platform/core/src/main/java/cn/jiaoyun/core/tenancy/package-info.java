/**
 * Tenancy: every bureau's rows are isolated by PostgreSQL row-level security. Work on a
 * bureau's data runs in {@link cn.jiaoyun.core.tenancy.TenantTransactions}, which sets the
 * bureau transaction-locally; without it the database shows nothing. Also runs the platform's
 * migrations as the owner role and checks that every bureau-owned table keeps the rules.
 * May touch the database; knows no feature.
 */
package cn.jiaoyun.core.tenancy;
