/**
 * PostgreSQL provisioning: starts the embedded cluster Jiaoyun uses when no database is
 * configured, and prepares the two roles and the database the server needs (an owner role that
 * runs migrations, an application role that is neither owner, superuser nor BYPASSRLS).
 * Used by the runnable server and by the test fixture; knows nothing of the schema itself.
 */
package cn.jiaoyun.postgres;
