package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A bureau's own indicators (公交车辆数, 双随机检查户次, 行政复议案件…): rows of the bureau under
 * row-level security, coded {@code own.<n>}, which its figures, annual targets, targets fed by an
 * indicator and the .xlsx round trip treat like the platform's. No other bureau and no region
 * sees them, and no ranking compares them (the regions compare the platform's published
 * indicators only). Names are unique within the bureau's whole catalog; unit and aggregation
 * change only while the indicator has no figures, and an indicator with figures is not deleted.
 */
@Singleton
public class BureauIndicators {

    static final Set<String> AGGREGATIONS = Set.of("SUM", "AVERAGE", "LAST", "RATIO");
    static final Set<String> DIRECTIONS = Set.of("HIGHER", "LOWER");
    static final int NAME_MAX = 60;
    static final int NAME_EN_MAX = 120;
    static final int UNIT_MAX = 20;
    static final int DESCRIPTION_MAX = 500;

    private static final String COLUMNS =
            "code, name_zh, coalesce(name_en, name_zh), unit, aggregation, direction, description";

    /**
     * An indicator as the administrator writes it: {@code name} (or {@code nameZh}), an English
     * name, unit, aggregation (SUM, AVERAGE, LAST, RATIO), better direction (HIGHER, LOWER) and a
     * description. On an edit a null field stays as it is and an empty English name or
     * description is removed.
     */
    @Serdeable
    public record Draft(@Nullable String name, @Nullable String nameZh, @Nullable String nameEn, @Nullable String unit,
                        @Nullable String aggregation, @Nullable String direction, @Nullable String description) {

        /** The Chinese name, whichever of the two fields carried it. */
        @Nullable
        String zh() {
            return nameZh != null ? nameZh : name;
        }

        String zhField() {
            return nameZh != null || name == null ? "nameZh" : "name";
        }
    }

    private final TenantTransactions tx;
    private final IndicatorCatalog catalog;
    private final AuditLog audit;

    public BureauIndicators(TenantTransactions tx, IndicatorCatalog catalog, AuditLog audit) {
        this.tx = tx;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The bureau's own indicators, in the order it added them. */
    static List<Indicator> own(TenantTransactions tx, String tenant) {
        return tx.withConnection(tenant, true,
                c -> Rows.list(c, "select " + COLUMNS + " from bureau_indicator order by id", BureauIndicators::row));
    }

    /** Adds an indicator to the caller's bureau's catalog; answers it with its code. */
    public Indicator create(Actor actor, Draft draft, @Nullable String clientIp) {
        String tenant = actor.bureau();
        List<FieldError> errors = new ArrayList<>();
        String zh = name(draft.zh(), draft.zhField(), true, errors);
        String en = english(draft.nameEn(), errors);
        String unit = unit(draft.unit(), errors);
        String aggregation = choice(draft.aggregation(), "aggregation", AGGREGATIONS, null, errors);
        String direction = choice(draft.direction(), "direction", DIRECTIONS, "HIGHER", errors);
        String description = description(draft.description(), errors);
        return tx.withConnection(tenant, false, c -> {
            if (zh != null) {
                unique(tenant, zh, null, draft.zhField(), errors);
            }
            refuse(errors);
            Indicator created = insert(c, tenant, zh, en, unit, aggregation, direction, description, actor.auditName(),
                    draft.zhField());
            audit.record(tenant, actor.auditName(), AuditAction.INDICATOR_CREATED, "indicator:" + created.code(),
                    describe(created), clientIp);
            return created;
        });
    }

    /** Edits one of the bureau's own indicators (404 for any other code). */
    public Indicator update(Actor actor, String code, Draft draft, @Nullable String clientIp) {
        String tenant = actor.bureau();
        return tx.withConnection(tenant, false, c -> {
            Indicator old = find(c, code).orElseThrow(() -> ApiProblem.notFound("indicator", code));
            List<FieldError> errors = new ArrayList<>();
            String zh = draft.zh() == null ? old.nameZh() : name(draft.zh(), draft.zhField(), true, errors);
            String en = draft.nameEn() == null ? (old.nameEn().equals(old.nameZh()) ? null : old.nameEn())
                    : english(draft.nameEn(), errors);
            String unit = draft.unit() == null ? old.unit() : unit(draft.unit(), errors);
            String aggregation = draft.aggregation() == null ? old.aggregation()
                    : choice(draft.aggregation(), "aggregation", AGGREGATIONS, null, errors);
            String direction = draft.direction() == null ? old.direction()
                    : choice(draft.direction(), "direction", DIRECTIONS, null, errors);
            String description = draft.description() == null ? old.description()
                    : description(draft.description(), errors);
            if (zh != null) {
                unique(tenant, zh, code, draft.zhField(), errors);
            }
            refuse(errors);
            boolean unitChanged = unit != null && !unit.equals(old.unit());
            boolean aggregationChanged = aggregation != null && !aggregation.equals(old.aggregation());
            long[] data = figures(c, code);
            if ((unitChanged || aggregationChanged) && data[0] + data[1] > 0) {
                throw new ApiProblem(HttpStatus.CONFLICT, List.of(new FieldError(unitChanged ? "unit" : "aggregation",
                        "indicator.own.has-figures", old.nameZh())), "indicator.own.has-figures", old.nameZh());
            }
            BureauFigures.update(c, """
                    update bureau_indicator set name_zh = ?, name_en = ?, unit = ?, aggregation = ?, direction = ?,
                        description = ?, updated_by = ?, updated_at = now() where code = ?""",
                    zh, en, unit, aggregation, direction, description, actor.auditName(), code);
            Indicator now = find(c, code).orElseThrow();
            audit.record(tenant, actor.auditName(), AuditAction.INDICATOR_UPDATED, "indicator:" + code,
                    changes(old, now), clientIp);
            return now;
        });
    }

    /** Removes one of the bureau's own indicators that has no figures and feeds no target (else 409). */
    public void delete(Actor actor, String code, @Nullable String clientIp) {
        String tenant = actor.bureau();
        tx.withConnection(tenant, false, c -> {
            Indicator old = find(c, code).orElseThrow(() -> ApiProblem.notFound("indicator", code));
            long[] data = figures(c, code);
            if (data[0] + data[1] > 0) {
                throw new ApiProblem(HttpStatus.CONFLICT, "indicator.own.delete-has-figures", old.nameZh(), data[0],
                        data[1]);
            }
            if (data[2] > 0) {
                throw new ApiProblem(HttpStatus.CONFLICT, "indicator.own.delete-linked", old.nameZh(), data[2]);
            }
            BureauFigures.update(c, "delete from bureau_indicator where code = ?", code);
            audit.record(tenant, actor.auditName(), AuditAction.INDICATOR_DELETED, "indicator:" + code,
                    describe(old), clientIp);
            return null;
        });
    }

    private static Optional<Indicator> find(Connection c, String code) {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from bureau_indicator where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Months with a row (values or withheld), annual targets, and work-list targets it feeds. */
    private static long[] figures(Connection c, String code) {
        try (PreparedStatement ps = c.prepareStatement("""
                select (select count(*) from indicator_value where indicator_code = ?),
                       (select count(*) from indicator_target where indicator_code = ?),
                       (select count(*) from target_indicator where indicator_code = ?)""")) {
            ps.setString(1, code);
            ps.setString(2, code);
            ps.setString(3, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Indicator insert(Connection c, String tenant, String zh, @Nullable String en, String unit,
                                    String aggregation, String direction, @Nullable String description, String by,
                                    String zhField) {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into bureau_indicator (tenant_id, name_zh, name_en, unit, aggregation, direction, description,
                    created_by, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""" + " returning " + COLUMNS)) {
            Object[] args = {tenant, zh, en, unit, aggregation, direction, description, by, by};
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return row(rs);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // the same name added at the same moment by another session
                throw ApiProblem.badField(zhField, "indicator.own.name-taken", zh);
            }
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a name another indicator of the bureau's catalog (the platform's or its own) has. */
    private void unique(String tenant, String name, @Nullable String self, String field, List<FieldError> errors) {
        String key = fold(name);
        boolean taken = catalog.all(tenant).stream()
                .filter(i -> !i.code().equals(self))
                .anyMatch(i -> fold(i.nameZh()).equals(key) || fold(i.nameEn()).equals(key));
        if (taken) {
            errors.add(new FieldError(field, "indicator.own.name-taken", name));
        }
    }

    private static String fold(@Nullable String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    @Nullable
    private static String name(@Nullable String value, String field, boolean required, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "indicator.own.name-required"));
            }
            return null;
        }
        if (v.length() > NAME_MAX) {
            errors.add(new FieldError(field, "indicator.own.too-long", NAME_MAX));
            return null;
        }
        return v;
    }

    @Nullable
    private static String english(@Nullable String value, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.length() > NAME_EN_MAX) {
            errors.add(new FieldError("nameEn", "indicator.own.too-long", NAME_EN_MAX));
        }
        return v.isEmpty() ? null : v;
    }

    @Nullable
    private static String unit(@Nullable String value, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.add(new FieldError("unit", "indicator.own.unit-required"));
            return null;
        }
        if (v.length() > UNIT_MAX) {
            errors.add(new FieldError("unit", "indicator.own.too-long", UNIT_MAX));
            return null;
        }
        return v;
    }

    @Nullable
    private static String description(@Nullable String value, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.length() > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", "indicator.own.too-long", DESCRIPTION_MAX));
        }
        return v.isEmpty() ? null : v;
    }

    @Nullable
    private static String choice(@Nullable String value, String field, Set<String> allowed, @Nullable String fallback,
                                 List<FieldError> errors) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty() && fallback != null) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            errors.add(new FieldError(field, v.isEmpty() ? "indicator.own." + field + "-required"
                    : "indicator.own." + field + "-unknown", value,
                    String.join(", ", allowed.stream().sorted().toList())));
            return null;
        }
        return v;
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
    }

    private static String describe(Indicator i) {
        return i.nameZh() + ", " + i.unit() + ", " + i.aggregation() + ", " + i.direction();
    }

    private static String changes(Indicator old, Indicator now) {
        List<String> out = new ArrayList<>();
        change(out, "name", old.nameZh(), now.nameZh());
        change(out, "nameEn", old.nameEn(), now.nameEn());
        change(out, "unit", old.unit(), now.unit());
        change(out, "aggregation", old.aggregation(), now.aggregation());
        change(out, "direction", old.direction(), now.direction());
        change(out, "description", old.description(), now.description());
        return out.isEmpty() ? "no change" : String.join("; ", out);
    }

    private static void change(List<String> out, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            out.add(field + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
    }

    private static Indicator row(ResultSet rs) throws SQLException {
        return new Indicator(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), false, null, rs.getString(7), true);
    }
}
