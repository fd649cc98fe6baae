package cn.jiaoyun.plugins.port;

/** 项目状态: preparatory work (前期), under way (在建), completed (完工). */
enum ProjectStatus implements Labelled {
    PLANNED("前期", "Preparatory"),
    UNDER_WAY("在建", "Under way"),
    COMPLETED("完工", "Completed");

    private final Label label;

    ProjectStatus(String zh, String en) {
        this.label = new Label(zh, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
