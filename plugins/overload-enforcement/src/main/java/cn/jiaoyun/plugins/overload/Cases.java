package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleUser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** 案件: overloads beyond a warning, detected → reviewed → penalty decided → closed. */
final class Cases {

    enum Status {
        DETECTED, REVIEWED, PENALTY_DECIDED, CLOSED
    }

    record Case(long id, String recordId, Status status, int fineYuan, String decidedBy, String note, Instant detectedAt,
                String plate, String plateColour, int axles, int grossKg, int limitKg, int overKg,
                java.math.BigDecimal overPercent, boolean doubleLimit, boolean hundredTonne, String site, String lane) {
    }

    private static final String SELECT = """
            select c.id, c.record_id, c.status, c.fine_yuan, c.decided_by, c.note, c.detected_at,
                   p.plate, p.plate_colour, p.axles, p.gross_kg, p.limit_kg, p.over_kg, p.over_percent,
                   p.double_limit, p.hundred_tonne, s.code, l.code
            from oe_case c
            join oe_pass p on p.record_id = c.record_id
            join oe_lane l on l.id = p.lane_id
            join oe_site s on s.id = l.site_id""";
    private static final String ORDER = " order by c.detected_at desc, c.id desc";

    private final ModuleData data;

    Cases(ModuleData data) {
        this.data = data;
    }

    List<Case> list(BureauRef bureau, Status status, int limit) {
        return page(bureau, status, 0, limit);
    }

    /** One page of the cases with {@code status} (all when null), newest first. */
    List<Case> page(BureauRef bureau, Status status, int offset, int limit) {
        return data.readInBureau(bureau, sql -> status == null
                ? sql.query(SELECT + ORDER + " limit ? offset ?", Cases::row, limit, offset)
                : sql.query(SELECT + " where c.status = ?" + ORDER + " limit ? offset ?", Cases::row,
                        status.name(), limit, offset));
    }

    /** How many cases have {@code status} (all when null). */
    int count(BureauRef bureau, Status status) {
        return data.readInBureau(bureau, sql -> status == null
                ? sql.queryOne("select count(*) from oe_case", rs -> rs.getInt(1)).orElse(0)
                : sql.queryOne("select count(*) from oe_case where status = ?", rs -> rs.getInt(1), status.name()).orElse(0));
    }

    /**
     * Hands every case with {@code status} (all when null), newest first, to {@code each}, in one
     * read that fetches a thousand rows at a time (an export of any size never holds them all).
     */
    void forEach(BureauRef bureau, Status status, java.util.function.Consumer<Case> each) {
        data.readInBureau(bureau, sql -> {
            try (java.sql.PreparedStatement ps = sql.connection().prepareStatement(
                    SELECT + (status == null ? "" : " where c.status = ?") + ORDER)) {
                ps.setFetchSize(1_000);
                if (status != null) {
                    ps.setString(1, status.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(row(rs));
                    }
                }
            }
            return null;
        });
    }

    /** Cases detected or reviewed, with no penalty decided yet. */
    long countOpen(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.queryOne(
                "select count(*) from oe_case where status in ('DETECTED', 'REVIEWED')", rs -> rs.getLong(1)).orElse(0L));
    }

    Case get(BureauRef bureau, long id) {
        return data.readInBureau(bureau, sql -> sql.queryOne(SELECT + " where c.id = ?", Cases::row, id))
                .orElseThrow(() -> ModuleProblem.notFound("没有编号为 " + id + " 的案件", "No case " + id));
    }

    /** Moves a case one step on; {@code fineYuan} may set the decided fine (0 … the legal maximum). */
    Case advance(BureauRef bureau, long id, Status to, ModuleUser user, Integer fineYuan, String note) {
        Case current = get(bureau, id);
        Status expected = switch (to) {
            case REVIEWED -> Status.DETECTED;
            case PENALTY_DECIDED -> Status.REVIEWED;
            case CLOSED -> Status.PENALTY_DECIDED;
            case DETECTED -> null;
        };
        if (expected == null || current.status() != expected) {
            throw ModuleProblem.conflict("案件当前为“" + label(current.status()) + "”，不能转为“" + label(to) + "”",
                    "The case is " + current.status() + " and cannot become " + to);
        }
        int fine = current.fineYuan();
        if (to == Status.PENALTY_DECIDED && fineYuan != null) {
            if (fineYuan < 0 || fineYuan > Judgement.fine(current.overKg())) {
                throw ModuleProblem.badInput("fineYuan", "罚款应在 0 至 " + Judgement.fine(current.overKg()) + " 元之间",
                        "fineYuan is between 0 and " + Judgement.fine(current.overKg()));
            }
            fine = fineYuan;
        }
        int f = fine;
        data.inBureau(bureau, sql -> sql.update("""
                update oe_case set status = ?, fine_yuan = ?, decided_by = coalesce(?, decided_by),
                       note = coalesce(?, note), updated_at = now()
                where id = ? and status = ?""", to.name(), f, to == Status.PENALTY_DECIDED ? user.username() : null,
                note, id, expected.name()));
        return get(bureau, id);
    }

    static String label(Status s) {
        return switch (s) {
            case DETECTED -> "已发现";
            case REVIEWED -> "已审核";
            case PENALTY_DECIDED -> "已决定处罚";
            case CLOSED -> "已结案";
        };
    }

    static String labelEn(Status s) {
        return switch (s) {
            case DETECTED -> "Detected";
            case REVIEWED -> "Reviewed";
            case PENALTY_DECIDED -> "Penalty decided";
            case CLOSED -> "Closed";
        };
    }

    static Map<String, String> labels() {
        return Map.of("DETECTED", "已发现", "REVIEWED", "已审核", "PENALTY_DECIDED", "已决定处罚", "CLOSED", "已结案");
    }

    private static Case row(ResultSet rs) throws SQLException {
        return new Case(rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getBigDecimal(14), rs.getBoolean(15), rs.getBoolean(16),
                rs.getString(17), rs.getString(18));
    }
}
