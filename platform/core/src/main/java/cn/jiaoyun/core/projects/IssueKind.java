package cn.jiaoyun.core.projects;

import java.util.Locale;

/** 政策处理问题: land (用地), resettlement (征迁) or anything else holding a project up. Stored by name. */
public enum IssueKind {
    LAND("用地", "Land"),
    RESETTLEMENT("征迁", "Resettlement"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    IssueKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return KeyProjectText.english(locale) ? en : zh;
    }

    public static IssueKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (IssueKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || k.zh.equals(t)) {
                return k;
            }
        }
        return null;
    }
}
