package cn.jiaoyun.core.projects;

import java.util.Locale;

/** Whose key project it is: 省重点, 市重点 or 县重点. Stored by name. */
public enum ProjectLevel {
    PROVINCIAL("省重点", "Provincial"),
    MUNICIPAL("市重点", "Municipal"),
    COUNTY("县重点", "County");

    private final String zh;
    private final String en;

    ProjectLevel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return KeyProjectText.english(locale) ? en : zh;
    }

    /** The level named by its code or Chinese label, or null. */
    public static ProjectLevel parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (ProjectLevel l : values()) {
            if (l.name().equalsIgnoreCase(t) || l.zh.equals(t)) {
                return l;
            }
        }
        return null;
    }
}
