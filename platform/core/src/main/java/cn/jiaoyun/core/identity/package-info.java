/**
 * Accounts, roles and login: bureau users (each in exactly one bureau), platform accounts
 * (administrators and regional analysts, in none), password hashing, signed access tokens and
 * the lock-out after repeated failures. May use tenancy, bureau and audit.
 */
package cn.jiaoyun.core.identity;
