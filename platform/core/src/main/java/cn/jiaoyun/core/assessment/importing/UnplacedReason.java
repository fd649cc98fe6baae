package cn.jiaoyun.core.assessment.importing;

/** Why a piece of the document was not taken into any list; shown next to it in the preview. */
public enum UnplacedReason {
    BEFORE_ANY_LIST("出现在任何清单表头之前", "appears before any list header"),
    HEADING_WITHOUT_LIST("其后没有清单表头，无法作为单位名称", "no list header follows, so it is not a unit name"),
    NOT_AN_ITEM("只有一项内容，不是完整的考核事项", "only one cell, not a complete assessment item"),
    UNIT_IN_ROUTINE_LIST("常规工作清单适用于所有单位，此处的单位名称未使用",
            "the routine list applies to all units, so this unit name was not used");

    private final String chinese;
    private final String english;

    UnplacedReason(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
