/**
 * The heart of a bureau's year (DOMAIN.md, steps 1–3): work lists and their assessment items,
 * the targets read out of the items' text, monthly progress, supervising departments' reviews,
 * deductions and the units' scorecards. Sub-packages hold what needs no database: reading
 * documents ({@code importing}), reading targets ({@code extraction}) and the arithmetic
 * ({@code scoring}). May use tenancy, bureau, identity and audit.
 */
package cn.jiaoyun.core.assessment;
