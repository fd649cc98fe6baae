package cn.jiaoyun.plugins.port;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A code list kept in code (cargo classes, directions, statuses): each constant has the Chinese
 * word the bureaus' forms use and an English one. Files and JSON may give any of the three.
 */
interface Labelled {

    String name();

    Label label();

    default String zh() {
        return label().zh();
    }

    default String en() {
        return label().en();
    }

    /** A constant's Chinese and English words. */
    record Label(String zh, String en) {
    }

    /** The constant whose name, Chinese or English label is {@code text} (case and spaces ignored). */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replace(" ", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(t) || e.zh().equals(t)
                        || e.en().replace(" ", "").toLowerCase(Locale.ROOT).equals(t))
                .findFirst();
    }

    /** The Chinese labels joined for a message: {@code 进港、出港}. */
    static <E extends Enum<E> & Labelled> String choicesZh(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::zh).collect(Collectors.joining("、"));
    }

    static <E extends Enum<E> & Labelled> String choicesEn(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::en).collect(Collectors.joining(", "));
    }
}
