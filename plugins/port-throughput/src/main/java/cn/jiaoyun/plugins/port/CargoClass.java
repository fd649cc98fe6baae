package cn.jiaoyun.plugins.port;

/**
 * 货类: the cargo classes of the monthly port statistics as Chinese port statistics group them
 * (the main classes of 港口统计报表; bureaus add the rest under 其他). {@link #CONTAINER} is also
 * counted in TEU. A reference list in code rather than a table: it changes with the module, not
 * per bureau, and the database stores the constant's name.
 */
enum CargoClass implements Labelled {
    COAL("煤炭及制品", "Coal and products"),
    PETROLEUM("石油天然气及制品", "Oil, gas and products"),
    METAL_ORE("金属矿石", "Metal ores"),
    STEEL("钢铁", "Iron and steel"),
    BUILDING_MATERIALS("矿建材料", "Mineral building materials"),
    CEMENT("水泥", "Cement"),
    TIMBER("木材", "Timber"),
    NON_METAL_ORE("非金属矿石", "Non-metallic ores"),
    FERTILISER("化肥及农药", "Fertilisers and pesticides"),
    GRAIN("粮食", "Grain"),
    CONTAINER("集装箱", "Containers"),
    OTHER("其他", "Other");

    private final Label label;

    CargoClass(String zh, String en) {
        this.label = new Label(zh, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
