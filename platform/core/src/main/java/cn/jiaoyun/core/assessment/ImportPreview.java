package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an import would store, for a person to check first: the lists with their units and
 * points, every item with its departments, targets and deduction rules, every line that could
 * not be placed, notices, and the problems that keep it from being committed; every unit and
 * department name the bureau does not know, with a close existing one and what was chosen.
 */
@Serdeable
public record ImportPreview(String fileName, @Nullable Integer year, @Nullable String title,
                            List<ListPreview> lists, List<ItemPreview> items, List<Line> unplaced,
                            List<String> notices, List<String> problems,
                            List<UnknownName> unknownUnits, List<UnknownName> unknownDepartments) {

    public ImportPreview(String fileName, @Nullable Integer year, @Nullable String title,
                         List<ListPreview> lists, List<ItemPreview> items, List<Line> unplaced,
                         List<String> notices, List<String> problems) {
        this(fileName, year, title, lists, items, unplaced, notices, problems, List.of(), List.of());
    }

    /** What happens to an unknown name: created, or mapped to an existing one (an alias). */
    public enum Choice { CREATE, MAP }

    /**
     * A unit or department name of the file the bureau does not know: as written, the closest
     * existing one ({@code suggestion}, when one is close), and the choice made ({@code choice}
     * null: none yet, which keeps the import from being committed; MAP with {@code mappedTo}).
     */
    @Serdeable
    public record UnknownName(String name, @Nullable Suggestion suggestion, @Nullable Choice choice,
                              @Nullable Long mappedTo) {
    }

    @Serdeable
    public record Suggestion(long id, String name) {
    }

    /** A list as it will be stored: KEY lists name their unit as written and as matched. */
    @Serdeable
    public record ListPreview(String kind, String name, @Nullable Long unitId, @Nullable String unitName,
                              int items, BigDecimal points) {
    }

    @Serdeable
    public record ItemPreview(String list, int position, String title, String content, BigDecimal points,
                              List<DepartmentMatch> departments, List<TargetPreview> targets,
                              List<RulePreview> deductionRules, String location) {
    }

    @Serdeable
    public record DepartmentMatch(String name, @Nullable Long departmentId) {
    }

    /** A target read from the item's content; {@code start}/{@code end} locate it in the content. */
    @Serdeable
    public record TargetPreview(String subject, String comparator, @Nullable BigDecimal value, boolean valueKnown,
                                String unit, @Nullable String deadline, int start, int end) {
    }

    @Serdeable
    public record RulePreview(BigDecimal pointsPerOccurrence, @Nullable BigDecimal cap, String condition) {
    }

    @Serdeable
    public record Line(String location, String text, String reason) {
    }

    public boolean committable() {
        return problems.isEmpty();
    }
}
