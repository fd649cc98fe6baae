package cn.jiaoyun.plugins.overload;

/**
 * Legal gross-mass limits of goods vehicles, 《超限运输车辆行驶公路管理规定》(2016) Art. 3: two
 * axles 18,000 kg; three axles 25,000 kg (truck) or 27,000 kg (combination); four axles 31,000 kg
 * (truck) or 36,000 kg (combination); five-axle combinations 43,000 kg; combinations of six or
 * more axles 49,000 kg, 46,000 kg when the tractor's drive axle is single. The same table is the
 * module's reference table {@code oe_gross_limit}, which bureaus can read.
 *
 * <p>A vehicle the article does not cover (one axle, a five-axle rigid truck, an unknown axle
 * count) has no limit: judging it would be a guess, so it is refused with the reason.
 */
public final class GrossLimits {

    /** The version of the rules this table follows, recorded with every judgement. */
    public static final String RULES = "超限运输车辆行驶公路管理规定(2016)第三条";

    private GrossLimits() {
    }

    /** One row of the reference table {@code oe_gross_limit}. */
    public record Limit(int axles, String kind, boolean singleDriveAxle, int limitKg, String note) {
    }

    /** The reference table as the module's migrations wrote it (the version every bureau sees). */
    static java.util.List<Limit> table(cn.jiaoyun.plugin.api.ModuleData data) {
        return data.readReference(sql -> sql.query(
                "select axles, kind, single_drive_axle, limit_kg, note from oe_gross_limit order by axles, kind, single_drive_axle",
                rs -> new Limit(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getString(5))));
    }

    /**
     * The limit in kg.
     *
     * @param singleDriveAxle for six or more axles: whether the tractor's drive axle is single (null: not known, taken as not single)
     * @throws NoLimit when the article gives no limit for this vehicle
     */
    public static int limitKg(Integer axles, VehicleKind kind, Boolean singleDriveAxle) {
        if (axles == null || axles < 2) {
            throw new NoLimit(axles == null ? "轴数未知" : "轴数 " + axles + " 不在限值表内",
                    axles == null ? "the axle count is unknown" : "no limit for " + axles + " axle(s)");
        }
        if (axles == 2) {
            return 18_000;
        }
        if (kind == null) {
            throw new NoLimit(axles + " 轴车辆须注明货车或汽车列车", "a " + axles + "-axle vehicle needs its kind (truck or combination)");
        }
        return switch (axles) {
            case 3 -> kind == VehicleKind.TRUCK ? 25_000 : 27_000;
            case 4 -> kind == VehicleKind.TRUCK ? 31_000 : 36_000;
            case 5 -> {
                if (kind == VehicleKind.TRUCK) {
                    throw new NoLimit("第三条未规定五轴货车的限值", "Art. 3 sets no limit for a five-axle truck");
                }
                yield 43_000;
            }
            default -> {
                if (kind == VehicleKind.TRUCK) {
                    throw new NoLimit("第三条未规定 " + axles + " 轴货车的限值", "Art. 3 sets no limit for a " + axles + "-axle truck");
                }
                yield Boolean.TRUE.equals(singleDriveAxle) ? 46_000 : 49_000;
            }
        };
    }

    /** The article gives no limit for the vehicle; the message says why, in both languages. */
    public static final class NoLimit extends RuntimeException {
        private final String zh;

        NoLimit(String zh, String en) {
            super(en);
            this.zh = zh;
        }

        public String chinese() {
            return zh;
        }
    }
}
