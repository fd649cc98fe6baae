package cn.jiaoyun.core.assessment.importing;

import java.util.List;
import java.util.Optional;

/**
 * A narrative plan as read: its title (the file's name when the document shows none), the year
 * it names, its sections and tasks in document order, and the lines no item took (page
 * furniture, preamble, signature) for the person to check.
 */
public record ParsedPlan(String title, boolean titleFromFileName, Optional<Integer> year, List<PlanNode> items,
                         List<PlanLine> ignored, List<WorkListNotice> notices) {

    public ParsedPlan {
        items = List.copyOf(items);
        ignored = List.copyOf(ignored);
        notices = List.copyOf(notices);
    }
}
