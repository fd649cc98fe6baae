package cn.jiaoyun.core.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The year's key-project figures from January to a month, as a bureau's summary quotes them
 * ("重点项目共13只，计划完成投资61.5亿元，实际完成约63.7亿元，完成年度计划103.6%"). A month a
 * project has not reported is unknown, never zero: the sums add what is known and say how many
 * projects reported for the month; a figure nothing is known of is null. Percentages with a zero
 * or unknown base are null.
 */
public final class KeyProjectRollup {

    private KeyProjectRollup() {
    }

    /** One month's report: investment in 万元 and the physical progress in % (null when not given). */
    public record MonthFigure(BigDecimal actual, @Nullable BigDecimal progress) {
    }

    public record Milestone(MilestoneKind kind, @Nullable LocalDate plannedOn, @Nullable LocalDate actualOn) {
    }

    public record Issue(LocalDate foundOn, @Nullable LocalDate resolvedOn) {
        boolean openOn(LocalDate day) {
            return !foundOn.isAfter(day) && (resolvedOn == null || resolvedOn.isAfter(day));
        }
    }

    /** What the roll-up knows of one project of the year: its plan for the year and its reported months, any year. */
    public record ProjectFigures(long projectId, String name, ProjectCategory category, @Nullable BigDecimal annualPlan,
                                 Map<YearMonth, MonthFigure> months, List<Milestone> milestones, List<Issue> issues) {
    }

    /** Counts and sums over a set of projects. */
    @Serdeable
    public record Figures(int projects, int withPlan, @Nullable BigDecimal annualPlan, @Nullable BigDecimal actualYtd,
                          @Nullable BigDecimal completionPercent, @Nullable BigDecimal lastYearYtd,
                          @Nullable BigDecimal yoyPercent, int reportedInMonth, int missingMonths) {
    }

    @Serdeable
    public record CategoryFigures(ProjectCategory category, Figures figures) {
    }

    @Serdeable
    public record NextMilestone(MilestoneKind kind, @Nullable LocalDate plannedOn, boolean late) {
    }

    /** One project's line in the year's list. */
    @Serdeable
    public record ProjectLine(long projectId, @Nullable BigDecimal annualPlan, @Nullable BigDecimal actualYtd,
                              @Nullable BigDecimal completionPercent, @Nullable BigDecimal progress,
                              @Nullable String lastReported, boolean reportedInMonth,
                              @Nullable NextMilestone nextMilestone, int openIssues) {
    }

    @Serdeable
    public record LateMilestone(long projectId, String projectName, MilestoneKind kind, LocalDate plannedOn) {
    }

    @Serdeable
    public record Rollup(int year, int through, Figures total, List<CategoryFigures> byCategory,
                         int milestonesDue, int milestonesReached, List<LateMilestone> lateMilestones,
                         int openIssues, int issuesResolved, List<ProjectLine> projects) {
    }

    /** The roll-up of {@code year} from January to month {@code through} (1–12). */
    public static Rollup of(int year, int through, List<ProjectFigures> projects) {
        if (through < 1 || through > 12) {
            throw new IllegalArgumentException("through must be 1–12: " + through);
        }
        LocalDate end = YearMonth.of(year, through).atEndOfMonth();
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        Map<ProjectCategory, List<ProjectFigures>> byCategory = new EnumMap<>(ProjectCategory.class);
        List<ProjectLine> lines = new ArrayList<>();
        int due = 0;
        int reached = 0;
        int open = 0;
        int resolved = 0;
        List<LateMilestone> late = new ArrayList<>();
        for (ProjectFigures p : projects) {
            byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(p);
            for (Milestone m : p.milestones()) {
                if (m.plannedOn() == null) {
                    continue;
                }
                boolean reachedByEnd = m.actualOn() != null && !m.actualOn().isAfter(end);
                if (!m.plannedOn().isBefore(yearStart) && !m.plannedOn().isAfter(end)) {
                    due++;
                    if (reachedByEnd) {
                        reached++;
                    }
                }
                if (!m.plannedOn().isAfter(end) && !reachedByEnd) {
                    late.add(new LateMilestone(p.projectId(), p.name(), m.kind(), m.plannedOn()));
                }
            }
            int projectOpen = (int) p.issues().stream().filter(i -> i.openOn(end)).count();
            open += projectOpen;
            resolved += (int) p.issues().stream()
                    .filter(i -> i.resolvedOn() != null && !i.resolvedOn().isAfter(end)).count();
            lines.add(line(p, year, through, end, projectOpen));
        }
        late.sort(Comparator.comparing(LateMilestone::plannedOn).thenComparing(LateMilestone::projectName));
        List<CategoryFigures> categories = new ArrayList<>();
        byCategory.forEach((c, ps) -> categories.add(new CategoryFigures(c, figures(year, through, ps))));
        return new Rollup(year, through, figures(year, through, projects), categories, due, reached, late, open,
                resolved, lines);
    }

    /** Counts and sums over {@code projects} for January to {@code through} of {@code year}. */
    public static Figures figures(int year, int through, List<ProjectFigures> projects) {
        BigDecimal plan = null;
        BigDecimal actual = null;
        BigDecimal lastYear = null;
        int withPlan = 0;
        int reported = 0;
        int missing = 0;
        YearMonth month = YearMonth.of(year, through);
        for (ProjectFigures p : projects) {
            if (p.annualPlan() != null) {
                withPlan++;
                plan = add(plan, p.annualPlan());
            }
            for (int m = 1; m <= through; m++) {
                MonthFigure f = p.months().get(YearMonth.of(year, m));
                if (f == null) {
                    missing++;
                } else {
                    actual = add(actual, f.actual());
                }
                MonthFigure before = p.months().get(YearMonth.of(year - 1, m));
                if (before != null) {
                    lastYear = add(lastYear, before.actual());
                }
            }
            if (p.months().containsKey(month)) {
                reported++;
            }
        }
        return new Figures(projects.size(), withPlan, plan, actual, percentOf(actual, plan), lastYear,
                growthPercent(actual, lastYear), reported, missing);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal; null when either is unknown or the whole is zero. */
    @Nullable
    public static BigDecimal percentOf(@Nullable BigDecimal part, @Nullable BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** 同比: the change from {@code before} in %, one decimal; null when either is unknown or {@code before} is zero. */
    @Nullable
    public static BigDecimal growthPercent(@Nullable BigDecimal now, @Nullable BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    private static ProjectLine line(ProjectFigures p, int year, int through, LocalDate end, int openIssues) {
        BigDecimal actual = null;
        BigDecimal progress = null;
        YearMonth last = null;
        for (int m = 1; m <= through; m++) {
            YearMonth ym = YearMonth.of(year, m);
            MonthFigure f = p.months().get(ym);
            if (f != null) {
                actual = add(actual, f.actual());
                last = ym;
                if (f.progress() != null) {
                    progress = f.progress();
                }
            }
        }
        if (progress == null) {
            // progress reported before the year still stands
            progress = p.months().entrySet().stream()
                    .filter(e -> e.getKey().isBefore(YearMonth.of(year, 1)) && e.getValue().progress() != null)
                    .max(Map.Entry.comparingByKey()).map(e -> e.getValue().progress()).orElse(null);
        }
        NextMilestone next = p.milestones().stream()
                .filter(m -> m.actualOn() == null || m.actualOn().isAfter(end))
                .min(Comparator.comparing(Milestone::kind))
                .map(m -> new NextMilestone(m.kind(), m.plannedOn(), m.plannedOn() != null && !m.plannedOn().isAfter(end)))
                .orElse(null);
        return new ProjectLine(p.projectId(), p.annualPlan(), actual, percentOf(actual, p.annualPlan()), progress,
                last == null ? null : last.toString(),
                p.months().containsKey(YearMonth.of(year, through)), next, openIssues);
    }

    private static BigDecimal add(@Nullable BigDecimal sum, BigDecimal value) {
        return sum == null ? value : sum.add(value);
    }
}
