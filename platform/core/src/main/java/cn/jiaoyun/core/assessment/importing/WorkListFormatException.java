package cn.jiaoyun.core.assessment.importing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The uploaded document cannot be taken as a work list. Checked, because a wrong file is an
 * expected outcome of an upload that the caller must show to the person, not a fault.
 * Carries every problem found, not only the first, so that one correction round suffices.
 */
public class WorkListFormatException extends Exception {

    private final transient List<WorkListProblem> problems;

    public WorkListFormatException(List<WorkListProblem> problems) {
        this(problems, null);
    }

    public WorkListFormatException(List<WorkListProblem> problems, Throwable cause) {
        super(join(problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a format exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    static WorkListFormatException of(WorkListProblem problem) {
        return new WorkListFormatException(List.of(problem));
    }

    public List<WorkListProblem> problems() {
        return problems;
    }

    /** One line per problem, in Chinese; the same as {@link #getMessage()}. */
    public String chineseMessage() {
        return join(problems);
    }

    public String englishMessage() {
        return problems.stream().map(WorkListProblem::english).collect(Collectors.joining("\n"));
    }

    private static String join(List<WorkListProblem> problems) {
        return problems.stream().map(WorkListProblem::chinese).collect(Collectors.joining("\n"));
    }
}
