package cn.jiaoyun.core.assessment.importing;

/**
 * A section or numbered task of a plan, in document order. {@code parent} is the index of the
 * enclosing section in the plan's item list, null at the top; {@code level} counts from 1.
 * {@code number} is the numbering as written ("一、", "（二）", "3."), {@code title} the heading's
 * first sentence and {@code content} the rest of it with the paragraphs under it.
 */
public record PlanNode(int index, Integer parent, int level, String number, String title, String content,
                       SourceLocation location) {
}
