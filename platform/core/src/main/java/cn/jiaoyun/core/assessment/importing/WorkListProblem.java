package cn.jiaoyun.core.assessment.importing;

import java.util.List;

/**
 * One reason a document could not be taken as a work list. Location and field are null when
 * the problem concerns the whole file (empty, too large, not a work list).
 */
public record WorkListProblem(String fileName, SourceLocation location, ItemField field,
                              WorkListMessage message, List<Object> args) {

    public WorkListProblem {
        args = List.copyOf(args);
    }

    static WorkListProblem ofFile(String fileName, WorkListMessage message, Object... args) {
        return new WorkListProblem(fileName, null, null, message, List.of(args));
    }

    static WorkListProblem missing(String fileName, SourceLocation location, ItemField field) {
        return new WorkListProblem(fileName, location, field, WorkListMessage.MISSING_VALUE, List.of(field));
    }

    /** For example “shaoxing.txt 第27行：缺少分值”. */
    public String chinese() {
        String where = location == null ? fileName : fileName + " " + location.chinese();
        return where + "：" + message.chinese(args);
    }

    /** For example “shaoxing.txt, line 27: points missing”. */
    public String english() {
        String where = location == null ? fileName : fileName + ", " + location.english();
        return where + ": " + message.english(args);
    }
}
