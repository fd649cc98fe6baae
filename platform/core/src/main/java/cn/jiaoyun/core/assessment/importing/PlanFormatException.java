package cn.jiaoyun.core.assessment.importing;

/**
 * The uploaded document cannot be taken as a plan: it names the file and, where it can, the line
 * or paragraph, in Chinese and in English.
 */
public class PlanFormatException extends Exception {

    private final String fileName;
    private final transient SourceLocation location;
    private final String chineseReason;
    private final String englishReason;

    public PlanFormatException(String fileName, SourceLocation location, String chineseReason, String englishReason) {
        super(fileName + (location == null ? "" : " " + location.chinese()) + "：" + chineseReason);
        this.fileName = fileName;
        this.location = location;
        this.chineseReason = chineseReason;
        this.englishReason = englishReason;
    }

    static PlanFormatException of(WorkListFormatException e) {
        WorkListProblem p = e.problems().get(0);
        return new PlanFormatException(p.fileName(), p.location(), p.message().chinese(p.args()),
                p.message().english(p.args()));
    }

    public String fileName() {
        return fileName;
    }

    /** Null when the problem concerns the whole file. */
    public SourceLocation location() {
        return location;
    }

    /** For example “plan.txt 第3行：…”. */
    public String chinese() {
        return getMessage();
    }

    /** For example “plan.txt, line 3: …”. */
    public String english() {
        return fileName + (location == null ? "" : ", " + location.english()) + ": " + englishReason;
    }

    public String chineseReason() {
        return chineseReason;
    }
}
