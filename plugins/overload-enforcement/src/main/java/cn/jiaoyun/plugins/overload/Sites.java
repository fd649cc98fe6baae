package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Sites and lanes of non-site enforcement (非现场执法点与车道) of one bureau. */
final class Sites {

    /** A site with its lanes. */
    record Site(long id, String code, String name, String road, String roadClass, LocalDate commissionedOn,
                boolean online, List<Lane> lanes) {
    }

    record Lane(long id, long siteId, String code, String direction, LocalDate commissionedOn, boolean online) {
    }

    private final ModuleData data;

    Sites(ModuleData data) {
        this.data = data;
    }

    List<Site> list(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> {
            List<Lane> lanes = sql.query("select " + LANE + " from oe_lane order by site_id, code", Sites::lane);
            return sql.query("select " + SITE + " from oe_site order by code", rs -> site(rs, lanes));
        });
    }

    Site get(BureauRef bureau, long id) {
        return data.readInBureau(bureau, sql -> {
            List<Lane> lanes = sql.query("select " + LANE + " from oe_lane where site_id = ? order by code", Sites::lane, id);
            return sql.queryOne("select " + SITE + " from oe_site where id = ?", rs -> site(rs, lanes), id);
        }).orElseThrow(() -> ModuleProblem.notFound("没有编号为 " + id + " 的执法点", "No site " + id));
    }

    long create(BureauRef bureau, Map<String, Object> body) {
        String code = text(body, "code", true);
        String name = text(body, "name", true);
        String road = text(body, "road", true);
        String roadClass = text(body, "roadClass", true);
        if (!roadClass.equals("EXPRESSWAY") && !roadClass.equals("ORDINARY")) {
            throw ModuleProblem.badInput("roadClass", "道路等级应为 EXPRESSWAY（高速公路）或 ORDINARY（普通公路）",
                    "roadClass is EXPRESSWAY or ORDINARY");
        }
        LocalDate commissioned = date(body, "commissionedOn");
        boolean online = !Boolean.FALSE.equals(body.get("online"));
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from oe_site where code = ?", rs -> 1, code).isPresent()) {
                throw ModuleProblem.conflict("执法点编号 " + code + " 已存在", "Site code " + code + " exists");
            }
            return sql.queryOne("""
                    insert into oe_site (tenant_id, code, name, road, road_class, commissioned_on, online)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1),
                    bureau.code(), code, name, road, roadClass, commissioned == null ? null : Date.valueOf(commissioned), online)
                    .orElseThrow();
        });
    }

    long addLane(BureauRef bureau, long siteId, Map<String, Object> body) {
        get(bureau, siteId);
        String code = text(body, "code", true);
        String direction = text(body, "direction", false);
        LocalDate commissioned = date(body, "commissionedOn");
        boolean online = !Boolean.FALSE.equals(body.get("online"));
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from oe_lane where site_id = ? and code = ?", rs -> 1, siteId, code).isPresent()) {
                throw ModuleProblem.conflict("车道编号 " + code + " 已存在", "Lane code " + code + " exists");
            }
            return sql.queryOne("""
                    insert into oe_lane (tenant_id, site_id, code, direction, commissioned_on, online)
                    values (?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1),
                    bureau.code(), siteId, code, direction, commissioned == null ? null : Date.valueOf(commissioned), online)
                    .orElseThrow();
        });
    }

    private static final String SITE = "id, code, name, road, road_class, commissioned_on, online";
    private static final String LANE = "id, site_id, code, direction, commissioned_on, online";

    private static Site site(ResultSet rs, List<Lane> lanes) throws SQLException {
        long id = rs.getLong(1);
        Date d = rs.getDate(6);
        return new Site(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                d == null ? null : d.toLocalDate(), rs.getBoolean(7),
                lanes.stream().filter(l -> l.siteId() == id).toList());
    }

    private static Lane lane(ResultSet rs) throws SQLException {
        Date d = rs.getDate(5);
        return new Lane(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                d == null ? null : d.toLocalDate(), rs.getBoolean(6));
    }

    static String text(Map<String, Object> body, String field, boolean required) {
        Object v = body.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw ModuleProblem.badInput(field, "缺少 " + field, field + " is required");
            }
            return null;
        }
        return v.toString().strip();
    }

    static LocalDate date(Map<String, Object> body, String field) {
        String v = text(body, field, false);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ModuleProblem.badInput(field, field + " 应为日期，如 2020-06-30", field + " must be a date such as 2020-06-30");
        }
    }
}
