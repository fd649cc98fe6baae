package cn.jiaoyun.core.projects;

import java.util.Locale;

/** What a key project builds, as bureaus group their project lists. Stored by name. */
public enum ProjectCategory {
    HIGHWAY("公路", "Highway"),
    WATERWAY("水运", "Waterway"),
    HUB("综合交通枢纽", "Transport hub"),
    URBAN_TRANSIT("城市交通/公交", "Urban transport / bus"),
    LOGISTICS("物流", "Logistics"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    ProjectCategory(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return KeyProjectText.english(locale) ? en : zh;
    }

    /** The category named by its code or by its Chinese label ("公路"), or null. */
    public static ProjectCategory parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (ProjectCategory c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.zh.equals(t)) {
                return c;
            }
        }
        return null;
    }
}
