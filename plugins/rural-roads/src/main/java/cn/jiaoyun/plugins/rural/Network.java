package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleUser;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rural road network (路段) and its condition inspections (路况检测). The network's km by
 * administrative class and technical grade is its current register; the good-road rate of a period
 * comes from the inspections in it ({@link GoodRoadRate}).
 */
final class Network {

    /** A road segment. */
    public record Segment(long id, String routeCode, String name, String adminClass, String technicalGrade,
                          BigDecimal lengthKm, String surface, String town) {
    }

    /** An inspection, with its segment's route code, name, class and length. */
    public record Inspection(long id, long segmentId, String routeCode, String segmentName, String adminClass,
                             BigDecimal lengthKm, LocalDate inspectedOn, String rating, BigDecimal mqi, BigDecimal pqi,
                             String inspector) {
    }

    /** The network's km of one class and grade. */
    public record Stock(String adminClass, String technicalGrade, int segments, BigDecimal km) {
    }

    private static final String SEGMENT = "id, route_code, name, admin_class, technical_grade, length_km, surface, town";

    private final ModuleData data;

    Network(ModuleData data) {
        this.data = data;
    }

    List<Segment> segments(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.query("select " + SEGMENT + " from rr_segment order by route_code",
                Network::segment));
    }

    long createSegment(BureauRef bureau, Map<String, Object> body) {
        Fields f = new Fields(body);
        String route = f.text("routeCode", true);
        String name = f.text("name", true);
        String adminClass = f.oneOf("adminClass", Set.copyOf(Labels.CLASSES.codes()), true);
        String grade = f.oneOf("technicalGrade", Set.copyOf(Labels.GRADES.codes()), true);
        BigDecimal km = f.number("lengthKm", true);
        if (km.signum() == 0) {
            throw ModuleProblem.badInput("lengthKm", "里程须大于 0", "lengthKm must be above 0");
        }
        if (!route.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw ModuleProblem.badInput("routeCode", "路线编号只能由字母、数字和 . _ - 组成，如 X801",
                    "routeCode is letters, digits, . _ or -, e.g. X801");
        }
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from rr_segment where route_code = ?", rs -> 1, route).isPresent()) {
                throw ModuleProblem.conflict("路线编号 " + route + " 已存在", "Route code " + route + " exists");
            }
            return sql.queryOne("""
                    insert into rr_segment (tenant_id, route_code, name, admin_class, technical_grade, length_km, surface, town)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1), bureau.code(), route, name,
                    adminClass, grade, km, f.text("surface", false), f.text("town", false)).orElseThrow();
        });
    }

    /** The network's km by class and grade (only the combinations it has). */
    List<Stock> stock(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select admin_class, technical_grade, count(*), sum(length_km) from rr_segment
                group by 1, 2 order by 1, 2""", rs -> new Stock(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getBigDecimal(4))));
    }

    /**
     * Records an inspection of a segment on a day (a second one of the same segment and day replaces
     * it); returns the inspection's date, whose month's rate changes.
     */
    LocalDate inspect(BureauRef bureau, Map<String, Object> body, ModuleUser user) {
        Fields f = new Fields(body);
        String route = f.text("routeCode", true);
        LocalDate on = f.date("inspectedOn");
        if (on == null) {
            throw ModuleProblem.badInput("inspectedOn", "缺少检测日期 inspectedOn", "inspectedOn is required");
        }
        String ratingText = f.text("rating", true);
        String rating = Labels.RATINGS.read(ratingText).orElseThrow(() -> ModuleProblem.badInput("rating",
                "评定等级应为 " + Labels.RATINGS.choices() + " 之一", "rating is one of EXCELLENT, GOOD, FAIR, POOR, BAD"));
        BigDecimal mqi = score(f, "mqi");
        BigDecimal pqi = score(f, "pqi");
        String inspector = f.text("inspector", false);
        data.inBureau(bureau, sql -> {
            long segment = sql.queryOne("select id from rr_segment where route_code = ?", rs -> rs.getLong(1), route)
                    .orElseThrow(() -> ModuleProblem.badInput("routeCode", "没有路线编号为 " + route + " 的路段",
                            "No segment " + route));
            return sql.update("""
                    insert into rr_inspection (tenant_id, segment_id, inspected_on, rating, mqi, pqi, inspector)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, segment_id, inspected_on) do update
                    set rating = excluded.rating, mqi = excluded.mqi, pqi = excluded.pqi, inspector = excluded.inspector""",
                    bureau.code(), segment, Date.valueOf(on), rating, mqi, pqi,
                    inspector != null ? inspector : user.displayName());
        });
        return on;
    }

    private static BigDecimal score(Fields f, String field) {
        BigDecimal v = f.number(field, false);
        if (v != null && v.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ModuleProblem.badInput(field, field.toUpperCase() + " 应在 0 至 100 之间", field + " is from 0 to 100");
        }
        return v;
    }

    /** The inspections from {@code from} to {@code to}, latest first. */
    List<Inspection> inspections(BureauRef bureau, LocalDate from, LocalDate to) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select i.id, s.id, s.route_code, s.name, s.admin_class, s.length_km, i.inspected_on, i.rating, i.mqi, i.pqi,
                       i.inspector
                from rr_inspection i join rr_segment s on s.id = i.segment_id
                where i.inspected_on between ? and ? order by i.inspected_on desc, s.route_code""", rs -> new Inspection(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                rs.getDate(7).toLocalDate(), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11)),
                Date.valueOf(from), Date.valueOf(to)));
    }

    /** The good-road rate by class (and {@code ALL}) for inspections from {@code from} to {@code to}. */
    Map<String, YearToDate.Ratio> rate(BureauRef bureau, LocalDate from, LocalDate to) {
        return GoodRoadRate.of(rateInputs(bureau, from, to), from, to);
    }

    /** The inspections from {@code from} to {@code to} as the rate needs them. */
    List<GoodRoadRate.Inspection> rateInputs(BureauRef bureau, LocalDate from, LocalDate to) {
        return inspections(bureau, from, to).stream()
                .map(i -> new GoodRoadRate.Inspection(i.segmentId(), i.adminClass(), i.lengthKm(), i.inspectedOn(), i.rating()))
                .toList();
    }

    private static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getString(7), rs.getString(8));
    }
}
