package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.indicators.IndicatorValues;
import cn.jiaoyun.core.projects.KeyProjectRollup.Issue;
import cn.jiaoyun.core.projects.KeyProjectRollup.Milestone;
import cn.jiaoyun.core.projects.KeyProjectRollup.MonthFigure;
import cn.jiaoyun.core.projects.KeyProjectRollup.ProjectFigures;
import cn.jiaoyun.core.projects.KeyProjectRollup.ProjectLine;
import cn.jiaoyun.core.projects.KeyProjectRollup.Rollup;
import cn.jiaoyun.core.projects.KeyProjectViews.IssueInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MilestoneInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MilestoneSlot;
import cn.jiaoyun.core.projects.KeyProjectViews.MonthInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MonthSlot;
import cn.jiaoyun.core.projects.KeyProjectViews.PlanInput;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectDetail;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectInput;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectRow;
import cn.jiaoyun.core.projects.KeyProjectViews.Summary;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A bureau's key projects: administrators and supervisors keep the list, plans, milestones and
 * issues; reporters enter the monthly investment and progress. Every monthly write sets the
 * bureau's {@code invest.key_projects} for that month to the sum over its projects, in the same
 * transaction, and clears it when no project has a figure for the month any more. Every change is
 * audited.
 */
@Singleton
public class KeyProjects {

    /** The core indicator fed from the monthly figures (万元). */
    public static final String INDICATOR = "invest.key_projects";
    static final String INDICATOR_SOURCE = "key-projects";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Set<Role> MANAGERS = EnumSet.of(Role.BUREAU_ADMIN, Role.SUPERVISOR);
    private static final Set<Role> MONTHLY = EnumSet.of(Role.BUREAU_ADMIN, Role.SUPERVISOR, Role.REPORTER);

    private final TenantTransactions tx;
    private final KeyProjectRepository projects;
    private final KeyProjectPlanRepository plans;
    private final KeyProjectMonthRepository months;
    private final KeyProjectMilestoneRepository milestones;
    private final KeyProjectIssueRepository issues;
    private final IndicatorValues indicatorValues;
    private final AuditLog audit;

    public KeyProjects(TenantTransactions tx, KeyProjectRepository projects, KeyProjectPlanRepository plans,
                       KeyProjectMonthRepository months, KeyProjectMilestoneRepository milestones,
                       KeyProjectIssueRepository issues, IndicatorValues indicatorValues, AuditLog audit) {
        this.tx = tx;
        this.projects = projects;
        this.plans = plans;
        this.months = months;
        this.milestones = milestones;
        this.issues = issues;
        this.indicatorValues = indicatorValues;
        this.audit = audit;
    }

    /** The month a roll-up of {@code year} runs to by default: the current month this year, December before. */
    public static int defaultThrough(int year) {
        YearMonth now = YearMonth.now(CHINA);
        return year < now.getYear() ? 12 : year == now.getYear() ? now.getMonthValue() : 1;
    }

    // ---- reading ----

    /** The projects on the year's list with their figures from January to {@code through}. */
    public List<ProjectRow> list(String tenant, int year, int through) {
        checkPeriod(year, through);
        return tx.readInBureau(tenant, () -> {
            Year y = yearOf(tenant, year);
            Rollup rollup = KeyProjectRollup.of(year, through, y.figures());
            Map<Long, ProjectLine> lines = rollup.projects().stream()
                    .collect(Collectors.toMap(ProjectLine::projectId, l -> l));
            return y.projects().stream().map(p -> new ProjectRow(p, lines.get(p.id()))).toList();
        });
    }

    public Rollup rollup(String tenant, int year, int through) {
        checkPeriod(year, through);
        return tx.readInBureau(tenant, () -> KeyProjectRollup.of(year, through, yearOf(tenant, year).figures()));
    }

    /** The roll-up with its sentence and amounts in the caller's language. */
    public Summary summary(String tenant, int year, int through, Locale locale) {
        Rollup r = rollup(tenant, year, through);
        var f = r.total();
        return new Summary(r, KeyProjectText.sentence(r, locale), KeyProjectText.amount(f.annualPlan(), locale),
                KeyProjectText.amount(f.actualYtd(), locale), KeyProjectText.percent(f.completionPercent(), locale),
                KeyProjectText.amount(f.lastYearYtd(), locale), KeyProjectText.percent(f.yoyPercent(), locale));
    }

    public ProjectDetail detail(String tenant, long id, int year) {
        if (year < 2000 || year > 2100) {
            throw ApiProblem.badField("year", "field.year.range");
        }
        return tx.readInBureau(tenant, () -> detailOf(tenant, project(tenant, id), year));
    }

    /** Whether the bureau has any project on the year's list. */
    public boolean hasProjects(String tenant, int year) {
        return tx.readInBureau(tenant, () -> !yearOf(tenant, year).projects().isEmpty());
    }

    // ---- the project's own data ----

    public KeyProject create(Actor actor, ProjectInput in, @Nullable String clientIp) {
        return create(actor, in, null, clientIp);
    }

    KeyProject create(Actor actor, ProjectInput in, @Nullable String source, @Nullable String clientIp) {
        require(actor, MANAGERS);
        String tenant = actor.bureau();
        Valid v = validate(in);
        return tx.inBureau(tenant, () -> {
            if (projects.findByTenantIdAndCode(tenant, v.code()).isPresent()) {
                throw ApiProblem.badField("code", "field.duplicate", v.code());
            }
            OffsetDateTime now = OffsetDateTime.now();
            KeyProject p = projects.save(new KeyProject(null, tenant, v.code(), v.name(), v.category(), v.level(),
                    v.ownerUnit(), in.totalInvestment(), in.startYear(), in.finishYear(), source,
                    actor.auditName(), now, now));
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_CREATED, target(p),
                    p.code() + " " + p.name() + ", " + p.category() + ", " + p.startYear() + "–" + p.finishYear(), clientIp);
            return p;
        });
    }

    public KeyProject update(Actor actor, long id, ProjectInput in, @Nullable String clientIp) {
        require(actor, MANAGERS);
        String tenant = actor.bureau();
        Valid v = validate(in);
        return tx.inBureau(tenant, () -> {
            KeyProject old = project(tenant, id);
            projects.findByTenantIdAndCode(tenant, v.code()).filter(other -> !other.id().equals(old.id()))
                    .ifPresent(other -> {
                        throw ApiProblem.badField("code", "field.duplicate", v.code());
                    });
            KeyProject p = projects.update(new KeyProject(old.id(), tenant, v.code(), v.name(), v.category(), v.level(),
                    v.ownerUnit(), in.totalInvestment(), in.startYear(), in.finishYear(), old.source(),
                    old.createdBy(), old.createdAt(), OffsetDateTime.now()));
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_UPDATED, target(p),
                    changes(old, p), clientIp);
            return p;
        });
    }

    /** Deletes a project with all it reported; the months it reported are summed again without it. */
    public void delete(Actor actor, long id, @Nullable String clientIp) {
        require(actor, MANAGERS);
        String tenant = actor.bureau();
        tx.inBureau(tenant, () -> {
            KeyProject p = project(tenant, id);
            List<LocalDate> reported = months.monthsOf(tenant, id);
            projects.delete(p);
            reported.forEach(m -> feed(tenant, YearMonth.from(m)));
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_DELETED, target(p),
                    p.code() + " " + p.name() + ", " + reported.size() + " months", clientIp);
            return null;
        });
    }

    // ---- plan, months, milestones, issues ----

    public ProjectDetail putPlan(Actor actor, long id, int year, PlanInput in, @Nullable String clientIp) {
        return putPlan(actor, id, year, in, null, clientIp);
    }

    ProjectDetail putPlan(Actor actor, long id, int year, PlanInput in, @Nullable String source, @Nullable String clientIp) {
        require(actor, MANAGERS);
        String tenant = actor.bureau();
        if (year < 2000 || year > 2100) {
            throw ApiProblem.badField("year", "field.year.range");
        }
        BigDecimal planned = in == null ? null : in.planned();
        if (planned == null) {
            throw ApiProblem.badField("planned", "field.required");
        }
        if (planned.signum() < 0) {
            throw ApiProblem.badField("planned", "field.amount.negative");
        }
        return tx.inBureau(tenant, () -> {
            KeyProject p = project(tenant, id);
            KeyProjectPlan old = plans.findByTenantIdAndProjectIdAndYear(tenant, id, year).orElse(null);
            KeyProjectPlan wanted = new KeyProjectPlan(old == null ? null : old.id(), tenant, id, year, planned, source,
                    actor.auditName(), OffsetDateTime.now());
            if (old == null) {
                plans.save(wanted);
            } else {
                plans.update(wanted);
            }
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_PLAN_SET, target(p) + ", " + year,
                    (old == null ? "—" : plain(old.planned())) + " → " + plain(planned) + " 万元", clientIp);
            return detailOf(tenant, p, year);
        });
    }

    /** Enters a month's investment and progress (reporters too) and feeds the month's indicator value. */
    public ProjectDetail putMonth(Actor actor, long id, String month, MonthInput in, @Nullable String clientIp) {
        return putMonth(actor, id, month, in, null, clientIp);
    }

    ProjectDetail putMonth(Actor actor, long id, String month, MonthInput in, @Nullable String source,
                           @Nullable String clientIp) {
        require(actor, MONTHLY);
        String tenant = actor.bureau();
        YearMonth ym = pastMonth(month);
        List<FieldError> errors = new ArrayList<>();
        BigDecimal actual = in == null ? null : in.actual();
        BigDecimal progress = in == null ? null : in.progress();
        if (actual == null) {
            errors.add(new FieldError("actual", "field.required"));
        } else if (actual.signum() < 0) {
            errors.add(new FieldError("actual", "field.amount.negative"));
        }
        if (progress != null && (progress.signum() < 0 || progress.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError("progress", "field.progress.range"));
        }
        throwIfAny(errors);
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        return tx.inBureau(tenant, () -> {
            KeyProject p = project(tenant, id);
            months.lockMonth(tenant, ym);
            KeyProjectMonth old = months.findByTenantIdAndProjectIdAndMonth(tenant, id, ym.atDay(1)).orElse(null);
            KeyProjectMonth wanted = new KeyProjectMonth(old == null ? null : old.id(), tenant, id, ym.atDay(1), actual,
                    progress, note, source, actor.auditName(), OffsetDateTime.now());
            if (old == null) {
                months.save(wanted);
            } else {
                months.update(wanted);
            }
            feed(tenant, ym);
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_MONTH_REPORTED, target(p) + ", " + ym,
                    "actual " + (old == null ? "—" : plain(old.actual())) + " → " + plain(actual) + " 万元, progress "
                            + (old == null || old.progress() == null ? "—" : plain(old.progress())) + " → "
                            + (progress == null ? "—" : plain(progress)) + "%", clientIp);
            return detailOf(tenant, p, ym.getYear());
        });
    }

    /** Removes a month's entry: the month is unknown again for the project. */
    public ProjectDetail clearMonth(Actor actor, long id, String month, @Nullable String clientIp) {
        require(actor, MONTHLY);
        String tenant = actor.bureau();
        YearMonth ym = parseMonth(month);
        return tx.inBureau(tenant, () -> {
            KeyProject p = project(tenant, id);
            months.findByTenantIdAndProjectIdAndMonth(tenant, id, ym.atDay(1)).ifPresent(old -> {
                months.delete(old);
                feed(tenant, ym);
                audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_MONTH_CLEARED, target(p) + ", " + ym,
                        "actual " + plain(old.actual()) + " → —", clientIp);
            });
            return detailOf(tenant, p, ym.getYear());
        });
    }

    /** Sets the dates of the milestones named; the others keep theirs. */
    public ProjectDetail putMilestones(Actor actor, long id, List<MilestoneInput> in, @Nullable String clientIp) {
        return putMilestones(actor, id, in, null, clientIp);
    }

    ProjectDetail putMilestones(Actor actor, long id, List<MilestoneInput> in, @Nullable String source,
                                @Nullable String clientIp) {
        require(actor, MANAGERS);
        String tenant = actor.bureau();
        List<FieldError> errors = new ArrayList<>();
        Map<MilestoneKind, LocalDate[]> wanted = new java.util.EnumMap<>(MilestoneKind.class);
        List<MilestoneInput> inputs = in == null ? List.of() : in;
        for (int i = 0; i < inputs.size(); i++) {
            MilestoneInput m = inputs.get(i);
            String prefix = "milestones[" + i + "].";
            MilestoneKind kind = MilestoneKind.parse(m.kind());
            if (kind == null) {
                errors.add(m.kind() == null || m.kind().isBlank() ? new FieldError(prefix + "kind", "field.required")
                        : new FieldError(prefix + "kind", "field.milestone.unknown", m.kind(),
                        Arrays.stream(MilestoneKind.values()).map(Enum::name).collect(Collectors.joining("、"))));
                continue;
            }
            LocalDate planned = date(m.plannedOn(), prefix + "plannedOn", errors);
            LocalDate actual = date(m.actualOn(), prefix + "actualOn", errors);
            if (actual != null && actual.isAfter(LocalDate.now(CHINA))) {
                errors.add(new FieldError(prefix + "actualOn", "field.date.future", actual.toString()));
            }
            wanted.put(kind, new LocalDate[]{planned, actual});
        }
        throwIfAny(errors);
        return tx.inBureau(tenant, () -> {
            KeyProject p = project(tenant, id);
            List<String> changes = new ArrayList<>();
            wanted.forEach((kind, dates) -> {
                KeyProjectMilestone old = milestones.findByTenantIdAndProjectIdAndKind(tenant, id, kind).orElse(null);
                KeyProjectMilestone m = new KeyProjectMilestone(old == null ? null : old.id(), tenant, id, kind,
                        dates[0], dates[1], source, actor.auditName(), OffsetDateTime.now());
                if (old == null) {
                    milestones.save(m);
                } else {
                    milestones.update(m);
                }
                changes.add(kind + " " + (old == null ? "—/—" : old.plannedOn() + "/" + old.actualOn()) + " → "
                        + dates[0] + "/" + dates[1]);
            });
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_MILESTONES_SET, target(p),
                    String.join("; ", changes), clientIp);
            return detailOf(tenant, p, defaultYear(p));
        });
    }

    public ProjectDetail addIssue(Actor actor, long id, IssueInput in, @Nullable String clientIp) {
        return addIssue(actor, id, in, null, clientIp);
    }

    ProjectDetail addIssue(Actor actor, long id, IssueInput in, @Nullable String source, @Nullable String clientIp) {
        require(actor, MANAGERS);
        String tenant = actor.bureau();
        ValidIssue v = validate(in);
        return tx.inBureau(tenant, () -> {
            KeyProject p = project(tenant, id);
            KeyProjectIssue issue = issues.save(new KeyProjectIssue(null, tenant, id, v.kind(), v.description(),
                    v.foundOn(), v.resolvedOn(), v.resolution(), source, actor.auditName(), OffsetDateTime.now()));
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_ISSUE_RECORDED,
                    target(p) + ", issue:" + issue.id(), v.kind() + " " + v.description() + ", found " + v.foundOn()
                            + (v.resolvedOn() == null ? "" : ", resolved " + v.resolvedOn()), clientIp);
            return detailOf(tenant, p, defaultYear(p));
        });
    }

    /** Changes an issue, typically to record that and how it was resolved. */
    public ProjectDetail updateIssue(Actor actor, long id, long issueId, IssueInput in, @Nullable String clientIp) {
        require(actor, MANAGERS);
        String tenant = actor.bureau();
        ValidIssue v = validate(in);
        return tx.inBureau(tenant, () -> {
            KeyProject p = project(tenant, id);
            KeyProjectIssue old = issues.findByTenantIdAndId(tenant, issueId).filter(i -> i.projectId() == id)
                    .orElseThrow(() -> ApiProblem.notFound("key-project-issue", issueId));
            issues.update(new KeyProjectIssue(old.id(), tenant, id, v.kind(), v.description(), v.foundOn(),
                    v.resolvedOn(), v.resolution(), old.source(), old.recordedBy(), old.recordedAt()));
            audit.record(tenant, actor.auditName(), AuditAction.KEY_PROJECT_ISSUE_UPDATED,
                    target(p) + ", issue:" + issueId, "resolved " + old.resolvedOn() + " → " + v.resolvedOn(), clientIp);
            return detailOf(tenant, p, defaultYear(p));
        });
    }

    // ---- internals ----

    private record Year(List<KeyProject> projects, List<ProjectFigures> figures) {
    }

    /** The projects on the year's list and what the roll-up needs of them, read in the caller's transaction. */
    private Year yearOf(String tenant, int year) {
        Map<Long, BigDecimal> planned = plans.findByTenantIdAndYear(tenant, year).stream()
                .collect(Collectors.toMap(KeyProjectPlan::projectId, KeyProjectPlan::planned));
        List<KeyProject> onList = projects.findByTenantIdOrderByCode(tenant).stream()
                .filter(p -> p.spans(year) || planned.containsKey(p.id())).toList();
        Map<Long, Map<YearMonth, MonthFigure>> monthly = new HashMap<>();
        for (KeyProjectMonth m : months.findByTenantIdAndMonthBetweenOrderByMonth(tenant,
                LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 1))) {
            monthly.computeIfAbsent(m.projectId(), k -> new HashMap<>())
                    .put(YearMonth.from(m.month()), new MonthFigure(m.actual(), m.progress()));
        }
        Map<Long, List<Milestone>> milestonesOf = milestones.findByTenantId(tenant).stream()
                .collect(Collectors.groupingBy(KeyProjectMilestone::projectId,
                        Collectors.mapping(m -> new Milestone(m.kind(), m.plannedOn(), m.actualOn()), Collectors.toList())));
        Map<Long, List<Issue>> issuesOf = issues.findByTenantId(tenant).stream()
                .collect(Collectors.groupingBy(KeyProjectIssue::projectId,
                        Collectors.mapping(i -> new Issue(i.foundOn(), i.resolvedOn()), Collectors.toList())));
        List<ProjectFigures> figures = onList.stream().map(p -> new ProjectFigures(p.id(), p.name(), p.category(),
                planned.get(p.id()), monthly.getOrDefault(p.id(), Map.of()), milestonesOf.getOrDefault(p.id(), List.of()),
                issuesOf.getOrDefault(p.id(), List.of()))).toList();
        return new Year(onList, figures);
    }

    private ProjectDetail detailOf(String tenant, KeyProject p, int year) {
        List<KeyProjectPlan> planList = plans.findByTenantIdAndProjectIdOrderByYear(tenant, p.id());
        KeyProjectPlan plan = planList.stream().filter(x -> x.year() == year).findFirst().orElse(null);
        List<KeyProjectMonth> all = months.findByTenantIdAndProjectIdOrderByMonth(tenant, p.id());
        Map<YearMonth, KeyProjectMonth> byMonth = new HashMap<>();
        Map<YearMonth, MonthFigure> figures = new HashMap<>();
        for (KeyProjectMonth m : all) {
            byMonth.put(YearMonth.from(m.month()), m);
            figures.put(YearMonth.from(m.month()), new MonthFigure(m.actual(), m.progress()));
        }
        List<MonthSlot> slots = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            KeyProjectMonth row = byMonth.get(ym);
            slots.add(row == null ? new MonthSlot(ym.toString(), null, null, null, null, null)
                    : new MonthSlot(ym.toString(), row.actual(), row.progress(), row.note(), row.source(), row.reportedBy()));
        }
        Map<MilestoneKind, KeyProjectMilestone> ms = milestones.findByTenantIdAndProjectId(tenant, p.id()).stream()
                .collect(Collectors.toMap(KeyProjectMilestone::kind, m -> m));
        List<MilestoneSlot> milestoneSlots = Arrays.stream(MilestoneKind.values()).map(k -> {
            KeyProjectMilestone m = ms.get(k);
            return m == null ? new MilestoneSlot(k, null, null, null)
                    : new MilestoneSlot(k, m.plannedOn(), m.actualOn(), m.source());
        }).toList();
        List<KeyProjectIssue> issueList = issues.findByTenantIdAndProjectIdOrderByFoundOn(tenant, p.id());
        ProjectFigures f = new ProjectFigures(p.id(), p.name(), p.category(), plan == null ? null : plan.planned(), figures,
                ms.values().stream().map(m -> new Milestone(m.kind(), m.plannedOn(), m.actualOn())).toList(),
                issueList.stream().map(i -> new Issue(i.foundOn(), i.resolvedOn())).toList());
        ProjectLine line = KeyProjectRollup.of(year, defaultThrough(year), List.of(f)).projects().get(0);
        return new ProjectDetail(p, year, plan == null ? null : plan.planned(), plan == null ? null : plan.source(),
                planList, slots, milestoneSlots, issueList, line);
    }

    /** Sets the bureau's indicator for the month to the sum over its projects, or clears it when none reported. */
    private void feed(String tenant, YearMonth month) {
        // the month's total must see every other project's report of the month that committed first
        months.lockMonth(tenant, month);
        LocalDate first = month.atDay(1);
        if (months.countByTenantIdAndMonth(tenant, first) == 0) {
            indicatorValues.clear(tenant, INDICATOR, month);
        } else {
            indicatorValues.record(tenant, INDICATOR, month, months.sumOfMonth(tenant, first), INDICATOR_SOURCE);
        }
    }

    private KeyProject project(String tenant, long id) {
        return projects.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiProblem.notFound("key-project", id));
    }

    private static int defaultYear(KeyProject p) {
        int now = YearMonth.now(CHINA).getYear();
        return Math.max(p.startYear(), Math.min(now, p.finishYear()));
    }

    private static void require(Actor actor, Collection<Role> roles) {
        actor.bureau();
        if (!actor.hasAny(roles)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.status.403.detail");
        }
    }

    private static void checkPeriod(int year, int through) {
        List<FieldError> errors = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "field.year.range"));
        }
        if (through < 1 || through > 12) {
            errors.add(new FieldError("through", "field.month.range"));
        }
        throwIfAny(errors);
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badField("month", "field.period.pattern");
        }
    }

    /** A month that has begun: figures of a month to come cannot have been completed. */
    private static YearMonth pastMonth(String month) {
        YearMonth ym = parseMonth(month);
        if (ym.isAfter(YearMonth.now(CHINA))) {
            throw ApiProblem.badField("month", "field.month.future", ym.toString());
        }
        if (ym.getYear() < 2000) {
            throw ApiProblem.badField("month", "field.year.range");
        }
        return ym;
    }

    private static LocalDate date(@Nullable String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "field.date.pattern"));
            return null;
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
    }

    private record Valid(String code, String name, ProjectCategory category, @Nullable ProjectLevel level,
                         @Nullable String ownerUnit) {
    }

    private static Valid validate(ProjectInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw ApiProblem.badField("name", "field.required");
        }
        String code = text(in.code());
        String name = text(in.name());
        if (code == null) {
            errors.add(new FieldError("code", "field.required"));
        }
        if (name == null) {
            errors.add(new FieldError("name", "field.required"));
        }
        ProjectCategory category = ProjectCategory.parse(in.category());
        if (text(in.category()) == null) {
            errors.add(new FieldError("category", "field.required"));
        } else if (category == null) {
            errors.add(new FieldError("category", "field.category.unknown", in.category(),
                    Arrays.stream(ProjectCategory.values()).map(c -> c.name() + " " + c.label(Locale.SIMPLIFIED_CHINESE))
                            .collect(Collectors.joining("、"))));
        }
        ProjectLevel level = ProjectLevel.parse(in.level());
        if (text(in.level()) != null && level == null) {
            errors.add(new FieldError("level", "field.project-level.unknown", in.level()));
        }
        if (in.totalInvestment() != null && in.totalInvestment().signum() < 0) {
            errors.add(new FieldError("totalInvestment", "field.amount.negative"));
        }
        checkYear(in.startYear(), "startYear", errors);
        checkYear(in.finishYear(), "finishYear", errors);
        if (in.startYear() != null && in.finishYear() != null && in.finishYear() < in.startYear()) {
            errors.add(new FieldError("finishYear", "field.finish-year.before-start"));
        }
        throwIfAny(errors);
        return new Valid(code, name, category, level, text(in.ownerUnit()));
    }

    private record ValidIssue(IssueKind kind, String description, LocalDate foundOn, @Nullable LocalDate resolvedOn,
                              @Nullable String resolution) {
    }

    private static ValidIssue validate(IssueInput in) {
        if (in == null) {
            throw ApiProblem.badField("description", "field.required");
        }
        List<FieldError> errors = new ArrayList<>();
        IssueKind kind = IssueKind.parse(in.kind());
        if (text(in.kind()) == null) {
            errors.add(new FieldError("kind", "field.required"));
        } else if (kind == null) {
            errors.add(new FieldError("kind", "field.issue-kind.unknown", in.kind()));
        }
        String description = text(in.description());
        if (description == null) {
            errors.add(new FieldError("description", "field.required"));
        }
        LocalDate found = date(in.foundOn(), "foundOn", errors);
        if (found == null && text(in.foundOn()) == null) {
            errors.add(new FieldError("foundOn", "field.required"));
        }
        LocalDate resolved = date(in.resolvedOn(), "resolvedOn", errors);
        LocalDate today = LocalDate.now(CHINA);
        if (found != null && found.isAfter(today)) {
            errors.add(new FieldError("foundOn", "field.date.future", found.toString()));
        }
        if (resolved != null && resolved.isAfter(today)) {
            errors.add(new FieldError("resolvedOn", "field.date.future", resolved.toString()));
        }
        if (found != null && resolved != null && resolved.isBefore(found)) {
            errors.add(new FieldError("resolvedOn", "field.resolved.before-found"));
        }
        throwIfAny(errors);
        return new ValidIssue(kind, description, found, resolved, text(in.resolution()));
    }

    private static void checkYear(Integer year, String field, List<FieldError> errors) {
        if (year == null) {
            errors.add(new FieldError(field, "field.required"));
        } else if (year < 2000 || year > 2100) {
            errors.add(new FieldError(field, "field.year.range"));
        }
    }

    private static String text(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String target(KeyProject p) {
        return "key-project:" + p.id();
    }

    private static String changes(KeyProject a, KeyProject b) {
        List<String> out = new ArrayList<>();
        Map<String, Function<KeyProject, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("code", KeyProject::code);
        fields.put("name", KeyProject::name);
        fields.put("category", KeyProject::category);
        fields.put("level", KeyProject::level);
        fields.put("ownerUnit", KeyProject::ownerUnit);
        fields.put("totalInvestment", x -> x.totalInvestment() == null ? null : plain(x.totalInvestment()));
        fields.put("startYear", KeyProject::startYear);
        fields.put("finishYear", KeyProject::finishYear);
        fields.forEach((name, get) -> {
            Object before = get.apply(a);
            Object after = get.apply(b);
            if (!java.util.Objects.equals(before, after)) {
                out.add(name + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
            }
        });
        return out.isEmpty() ? "no change" : String.join("; ", out);
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
