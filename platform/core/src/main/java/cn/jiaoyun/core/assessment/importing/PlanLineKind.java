package cn.jiaoyun.core.assessment.importing;

/** Why a line of a plan document was not taken into any item. */
public enum PlanLineKind {
    BREADCRUMB("页面导航", "page navigation"),
    PAGE_INFO("页面信息（索引号、发布日期、来源、浏览次数等）", "page information (index number, date, source, views)"),
    PAGE_TOOLS("页面工具（分享、打印、关闭、字号等）", "page tools (share, print, close, font size)"),
    SIGNATURE("落款", "signature"),
    AFTER_SIGNATURE("落款之后的内容", "after the signature"),
    PREAMBLE("第一个编号标题之前的段落，不作为事项", "before the first numbered heading; not a task");

    private final String chinese;
    private final String english;

    PlanLineKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** Page furniture of a published document, as opposed to text of the plan left out of the items. */
    public boolean furniture() {
        return this == BREADCRUMB || this == PAGE_INFO || this == PAGE_TOOLS;
    }
}
