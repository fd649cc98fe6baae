package cn.jiaoyun.core.assessment.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a text that name something rather than set a target: document titles in 《》
 * and slogans or campaign names in quotes ("八个100%", "三个相符"). Figures inside them are part
 * of a name, so the extractor never reads them as targets.
 */
record QuotedPassages(List<TextSpan> spans) {

    QuotedPassages {
        spans = List.copyOf(spans);
    }

    static QuotedPassages in(String text) {
        List<TextSpan> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char opening = text.charAt(i);
            char closing = closingOf(opening);
            int close = closing == 0 ? -1 : text.indexOf(closing, i + 1);
            if (close > i) {
                spans.add(new TextSpan(i, close + 1));
                i = close + 1;
            } else {
                i++;
            }
        }
        return new QuotedPassages(spans);
    }

    boolean cover(int index) {
        return spans.stream().anyMatch(span -> span.contains(index));
    }

    private static char closingOf(char opening) {
        return switch (opening) {
            case '《' -> '》';
            case '“' -> '”';
            case '「' -> '」';
            case '『' -> '』';
            case '"' -> '"';
            default -> 0;
        };
    }
}
