package cn.jiaoyun.core.assessment.importing;

import java.util.List;

/** Something the person importing should check, though the document could be read. */
public record WorkListNotice(WorkListMessage message, List<Object> args) {

    public WorkListNotice {
        args = List.copyOf(args);
    }

    static WorkListNotice of(WorkListMessage message, Object... args) {
        return new WorkListNotice(message, List.of(args));
    }

    public String chinese() {
        return message.chinese(args);
    }

    public String english() {
        return message.english(args);
    }
}
