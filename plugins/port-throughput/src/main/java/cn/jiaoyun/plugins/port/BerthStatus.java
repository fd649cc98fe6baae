package cn.jiaoyun.plugins.port;

/** 泊位状态. */
enum BerthStatus implements Labelled {
    PLANNED("规划", "Planned"),
    UNDER_CONSTRUCTION("在建", "Under construction"),
    IN_SERVICE("在用", "In service"),
    OUT_OF_SERVICE("停用", "Out of service");

    private final Label label;

    BerthStatus(String zh, String en) {
        this.label = new Label(zh, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
