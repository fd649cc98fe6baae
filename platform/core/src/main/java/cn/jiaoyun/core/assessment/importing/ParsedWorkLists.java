package cn.jiaoyun.core.assessment.importing;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from one bureau document, for a person to check before it is stored: the
 * key work list of each unit, the routine list that applies to all units, what could not be
 * placed, and notices such as a guessed encoding.
 */
public record ParsedWorkLists(Optional<String> title, Optional<Integer> year, List<ParsedUnitList> keyLists,
                              Optional<ParsedRoutineList> routine, List<UnplacedLine> unplaced,
                              List<WorkListNotice> notices) {

    public ParsedWorkLists {
        keyLists = List.copyOf(keyLists);
        unplaced = List.copyOf(unplaced);
        notices = List.copyOf(notices);
    }
}
