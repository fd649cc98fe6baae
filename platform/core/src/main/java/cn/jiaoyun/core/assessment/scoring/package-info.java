/**
 * The arithmetic of assessment, free of storage: deduction rules read from an item's text
 * ("每次扣0.2分", "最多扣1分"), an item's net score from its reviews and deductions within the
 * item's points, a unit's total and the ranking of units. Touches no database and no HTTP.
 */
package cn.jiaoyun.core.assessment.scoring;
