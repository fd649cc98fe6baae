package cn.jiaoyun.plugins.port;

/** 项目类型: berth (码头泊位), channel (航道, locks and anchorages on it included) or other works. */
enum ProjectKind implements Labelled {
    BERTH("泊位", "Berth"),
    CHANNEL("航道", "Channel"),
    OTHER("其他", "Other");

    private final Label label;

    ProjectKind(String zh, String en) {
        this.label = new Label(zh, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
