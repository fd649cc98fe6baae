package cn.jiaoyun.core.assessment.importing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a points cell as bureaus write it: 4, 2.5, ４, “4分”. */
final class Points {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}(\\.\\d{1,4})?");

    private Points() {
    }

    static Optional<BigDecimal> parse(String cell) {
        StringBuilder ascii = new StringBuilder();
        cell.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> {
            if (c >= '０' && c <= '９') {
                ascii.append((char) ('0' + (c - '０')));
            } else if (c == '．') {
                ascii.append('.');
            } else {
                ascii.appendCodePoint(c);
            }
        });
        String text = ascii.toString();
        if (text.endsWith("分")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        return Optional.of(value.scale() < 0 ? value.setScale(0) : value);
    }
}
