package cn.jiaoyun.core.projects;

import java.util.Locale;

/** The milestones every key project passes, in the order it passes them. Stored by name. */
public enum MilestoneKind {
    FEASIBILITY("工可", "Feasibility study"),
    PRELIMINARY_DESIGN("初步设计", "Preliminary design"),
    LAND_PREAPPROVAL("用地预审", "Land pre-approval"),
    START("开工", "Construction start"),
    OPEN("通车/完工", "Opening / completion");

    private final String zh;
    private final String en;

    MilestoneKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return KeyProjectText.english(locale) ? en : zh;
    }

    public static MilestoneKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (MilestoneKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || k.zh.equals(t)) {
                return k;
            }
        }
        return null;
    }
}
