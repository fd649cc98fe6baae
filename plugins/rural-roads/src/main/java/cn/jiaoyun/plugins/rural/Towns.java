package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleUser;
import cn.jiaoyun.plugin.api.Sql;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "四好农村路"示范乡镇: the towns a bureau puts forward in a year, each moving through
 * 计划创建 → 县级验收 → 申报市级 → 市级验收 → 命名, and the checklist of creation criteria
 * checked for each (met or not, on what evidence, by whom and when).
 *
 * <p>A town only moves forward: a step back (or a skipped date) is refused, because the steps are
 * acceptance decisions that are not undone. The day the town reached its current step is kept;
 * the day it was named is kept apart, since {@code rural.demo_towns} counts the towns named in a
 * month: a town counts once, when the city names it, not at each step.
 */
final class Towns {

    /** A demonstration town of a year with its checklist. */
    public record Town(long id, String town, int year, String status, LocalDate statusOn, LocalDate namedOn,
                       String note, List<Criterion> criteria) {
    }

    /** One criterion of the checklist; {@code met} is null until it is checked. */
    public record Criterion(long id, String criterion, Boolean met, String evidence, String checkedBy, Instant checkedAt) {
    }

    private final ModuleData data;

    Towns(ModuleData data) {
        this.data = data;
    }

    List<Town> list(BureauRef bureau, Integer year) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select id, town, year, status, status_on, named_on, note from rr_demo_town
                where ?::int is null or year = ? order by year desc, id""", Towns::town, year, year)
                .stream().map(t -> withCriteria(sql, t)).toList());
    }

    Town get(BureauRef bureau, long id) {
        return data.readInBureau(bureau, sql -> find(sql, id));
    }

    /** Registers a town for a year with an optional initial checklist ({@code criteria}: texts). */
    long create(BureauRef bureau, Map<String, Object> body) {
        Fields f = new Fields(body);
        String town = f.text("town", true);
        int year = f.number("year", true).intValue();
        if (year < 2000 || year > 2100) {
            throw ModuleProblem.badInput("year", "year 应为年份，如 2023", "year is a year such as 2023");
        }
        Object criteria = body.get("criteria");
        if (criteria != null && !(criteria instanceof List<?>)) {
            throw ModuleProblem.badInput("criteria", "criteria 应为创建标准的列表", "criteria is a list of texts");
        }
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from rr_demo_town where town = ? and year = ?", rs -> 1, town, year).isPresent()) {
                throw ModuleProblem.conflict(town + " 已列入 " + year + " 年示范乡镇创建", town + " is already listed for " + year);
            }
            long id = sql.queryOne("insert into rr_demo_town (tenant_id, town, year, note) values (?, ?, ?, ?) returning id",
                    rs -> rs.getLong(1), bureau.code(), town, year, f.text("note", false)).orElseThrow();
            if (criteria != null) {
                for (Object c : (List<?>) criteria) {
                    if (c != null && !c.toString().isBlank()) {
                        addCriterion(sql, bureau, id, c.toString().strip());
                    }
                }
            }
            return id;
        });
    }

    /**
     * Moves a town to {@code status} reached on {@code on}; returns the dates whose months' counts
     * change (the old and new naming dates).
     */
    List<LocalDate> advance(BureauRef bureau, long id, Map<String, Object> body) {
        Fields f = new Fields(body);
        String status = f.text("status", true);
        String to = Labels.TOWN_STATUSES.read(status).orElseThrow(() -> ModuleProblem.badInput("status",
                "状态应为 " + Labels.TOWN_STATUSES.choices() + " 之一",
                "status is one of PLANNED, COUNTY_ACCEPTED, DECLARED, CITY_ACCEPTED, NAMED"));
        LocalDate on = f.date("on");
        if (on == null) {
            throw ModuleProblem.badInput("on", "缺少日期 on（达到该状态的日期）", "on (the day the step was reached) is required");
        }
        return data.inBureau(bureau, sql -> {
            Town town = find(sql, id);
            List<String> order = Labels.TOWN_STATUSES.codes();
            if (order.indexOf(to) < order.indexOf(town.status())) {
                throw ModuleProblem.conflict(town.town() + " 已是“" + Labels.TOWN_STATUSES.zh(town.status()) + "”，不能退回“"
                        + Labels.TOWN_STATUSES.zh(to) + "”", town.town() + " cannot go back to " + to);
            }
            if (town.statusOn() != null && on.isBefore(town.statusOn())) {
                throw ModuleProblem.badInput("on", "日期不能早于上一步的 " + town.statusOn(), "on is before the previous step's " + town.statusOn());
            }
            LocalDate named = "NAMED".equals(to) ? (town.namedOn() != null ? town.namedOn() : on) : town.namedOn();
            sql.update("update rr_demo_town set status = ?, status_on = ?, named_on = ? where id = ?", to, Date.valueOf(on),
                    named == null ? null : Date.valueOf(named), id);
            return named == null || named.equals(town.namedOn()) ? List.<LocalDate>of() : List.of(named);
        });
    }

    /** Adds a criterion to a town's checklist; returns its id. */
    long addCriterion(BureauRef bureau, long townId, Map<String, Object> body) {
        String criterion = new Fields(body).text("criterion", true);
        return data.inBureau(bureau, sql -> {
            find(sql, townId);
            return addCriterion(sql, bureau, townId, criterion);
        });
    }

    private static long addCriterion(Sql sql, BureauRef bureau, long townId, String criterion) {
        if (sql.queryOne("select 1 from rr_town_criterion where town_id = ? and criterion = ?", rs -> 1, townId, criterion)
                .isPresent()) {
            throw ModuleProblem.conflict("创建标准“" + criterion + "”已在清单中", "The criterion is already listed");
        }
        return sql.queryOne("""
                insert into rr_town_criterion (tenant_id, town_id, position, criterion)
                values (?, ?, (select coalesce(max(position), 0) + 1 from rr_town_criterion where town_id = ?), ?) returning id""",
                rs -> rs.getLong(1), bureau.code(), townId, townId, criterion).orElseThrow();
    }

    /** Records whether a criterion is met, with the evidence; the member and the time are kept. */
    Criterion check(BureauRef bureau, long townId, long criterionId, Map<String, Object> body, ModuleUser user, Instant now) {
        Fields f = new Fields(body);
        Boolean met = f.bool("met");
        if (met == null) {
            throw ModuleProblem.badInput("met", "缺少 met（是否达标）", "met is required");
        }
        String evidence = f.text("evidence", false);
        return data.inBureau(bureau, sql -> {
            find(sql, townId);
            int changed = sql.update("""
                    update rr_town_criterion set met = ?, evidence = ?, checked_by = ?, checked_at = ?
                    where id = ? and town_id = ?""", met, evidence, user.displayName(), Timestamp.from(now), criterionId, townId);
            if (changed == 0) {
                throw ModuleProblem.notFound("该乡镇没有编号为 " + criterionId + " 的创建标准", "No criterion " + criterionId);
            }
            return criteria(sql, townId).stream().filter(c -> c.id() == criterionId).findFirst().orElseThrow();
        });
    }

    private static Town find(Sql sql, long id) {
        return sql.queryOne("select id, town, year, status, status_on, named_on, note from rr_demo_town where id = ?",
                Towns::town, id).map(t -> withCriteria(sql, t)).orElseThrow(() -> ModuleProblem.notFound(
                "没有编号为 " + id + " 的示范乡镇", "No demonstration town " + id));
    }

    private static Town town(ResultSet rs) throws SQLException {
        return new Town(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), date(rs.getDate(5)),
                date(rs.getDate(6)), rs.getString(7), List.of());
    }

    private static Town withCriteria(Sql sql, Town t) {
        return new Town(t.id(), t.town(), t.year(), t.status(), t.statusOn(), t.namedOn(), t.note(), criteria(sql, t.id()));
    }

    private static List<Criterion> criteria(Sql sql, long townId) {
        return sql.query("""
                select id, criterion, met, evidence, checked_by, checked_at from rr_town_criterion
                where town_id = ? order by position""", rs -> {
            Timestamp at = rs.getTimestamp(6);
            return new Criterion(rs.getLong(1), rs.getString(2), (Boolean) rs.getObject(3), rs.getString(4),
                    rs.getString(5), at == null ? null : at.toInstant());
        }, townId);
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
