package cn.jiaoyun.core.assessment.importing;

import java.math.BigDecimal;
import java.util.List;

/** One assessment item (考核事项) as read, before it becomes an {@code AssessmentItem}. */
public record ParsedItem(String title, String content, BigDecimal points, List<String> departments,
                         SourceLocation location) {

    public ParsedItem {
        departments = List.copyOf(departments);
    }
}
