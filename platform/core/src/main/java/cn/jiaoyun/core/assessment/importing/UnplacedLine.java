package cn.jiaoyun.core.assessment.importing;

/** Text that fits no list; shown to the person importing rather than silently dropped. */
public record UnplacedLine(SourceLocation location, String text, UnplacedReason reason) {
}
