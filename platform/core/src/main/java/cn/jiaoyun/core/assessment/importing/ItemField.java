package cn.jiaoyun.core.assessment.importing;

/** The columns of a work list, named as the bureaus' own headers name them. */
public enum ItemField {
    TITLE("考核项目", "title"),
    CONTENT("考核内容", "content"),
    POINTS("分值", "points"),
    DEPARTMENTS("督查部门", "supervising departments"),
    UNIT("单位名称", "unit name");

    private final String chinese;
    private final String english;

    ItemField(String chinese, String english) {
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
