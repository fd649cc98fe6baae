/**
 * Demo data for trying Jiaoyun out: one account per role in each demo bureau and a platform
 * administrator, all with the configured demo password. Loaded only when demo data is enabled.
 */
package cn.jiaoyun.core.demo;
