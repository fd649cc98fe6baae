/**
 * Reading quantitative targets out of the Chinese text of assessment items: a {@link
 * cn.jiaoyun.core.assessment.extraction.TargetExtractor} turns a sentence such as
 * "高速公路超限率控制在0.5%以下" into {@link cn.jiaoyun.core.assessment.extraction.ExtractedTarget}s
 * carrying the measured subject, a {@link cn.jiaoyun.core.assessment.extraction.Comparator}, the
 * figure (or the fact that it was anonymised), its unit, an optional {@link
 * cn.jiaoyun.core.assessment.extraction.Deadline} and the character span it came from. It is pure
 * text processing: it touches no database, no tenant, no HTTP and no other package of the core.
 */
package cn.jiaoyun.core.assessment.extraction;
