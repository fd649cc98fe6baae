package cn.jiaoyun.core.assessment.importing;

/** A line of a plan document that no item takes, with where it is and why. */
public record PlanLine(SourceLocation location, String text, PlanLineKind kind) {
}
