/**
 * The audit logs: one per bureau (logins, failed logins, administrative actions), readable by the
 * bureau's administrator, and one for the platform. Append-only: the application's database role
 * may insert and read but never change or delete an event. May use tenancy only.
 */
package cn.jiaoyun.core.audit;
