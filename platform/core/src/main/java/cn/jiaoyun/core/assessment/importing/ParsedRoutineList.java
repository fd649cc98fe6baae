package cn.jiaoyun.core.assessment.importing;

import java.math.BigDecimal;
import java.util.List;

/** The routine work list (常规工作清单), which applies to every unit alike. */
public record ParsedRoutineList(String title, List<ParsedItem> items) {

    public ParsedRoutineList {
        items = List.copyOf(items);
    }

    public BigDecimal totalPoints() {
        return items.stream().map(ParsedItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
