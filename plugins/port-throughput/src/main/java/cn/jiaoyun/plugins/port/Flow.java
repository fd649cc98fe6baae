package cn.jiaoyun.plugins.port;

/** 进出港方向: cargo unloaded into the port (进港) or loaded out of it (出港). */
enum Flow implements Labelled {
    IN("进港", "Inbound"),
    OUT("出港", "Outbound");

    private final Label label;

    Flow(String zh, String en) {
        this.label = new Label(zh, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
