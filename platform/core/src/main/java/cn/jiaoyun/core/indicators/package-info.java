/**
 * The indicator catalog (core indicators and those modules add) and the monthly values bureaus
 * and modules publish; year-to-date figures by each indicator's aggregation; work-list targets
 * fed by an indicator.
 */
package cn.jiaoyun.core.indicators;
