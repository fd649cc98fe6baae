package cn.jiaoyun.plugins.overload;

/** 货车 (a single motor truck) or 汽车列车 (a tractor with trailer or semi-trailer). */
public enum VehicleKind {
    TRUCK, COMBINATION;

    /** Reads the kinds as pass records write them: {@code truck}/{@code 货车}, {@code combination}/{@code 汽车列车}/{@code 列车}. */
    public static VehicleKind parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "truck", "货车", "单车" -> TRUCK;
            case "combination", "汽车列车", "列车", "半挂", "挂车" -> COMBINATION;
            default -> null;
        };
    }
}
