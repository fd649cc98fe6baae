package cn.jiaoyun.core.assessment.importing;

import java.math.BigDecimal;
import java.util.List;

/** One unit's key work list (重点工作清单); the unit name is kept as written, matching comes later. */
public record ParsedUnitList(String unitName, List<ParsedItem> items) {

    public ParsedUnitList {
        items = List.copyOf(items);
    }

    public BigDecimal totalPoints() {
        return items.stream().map(ParsedItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
