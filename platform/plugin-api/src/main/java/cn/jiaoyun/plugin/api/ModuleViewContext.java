package cn.jiaoyun.plugin.api;

import java.util.Locale;

/** What a module's page is given when it is created for one signed-in member of a bureau. */
public interface ModuleViewContext {

    ModuleContext module();

    BureauRef bureau();

    ModuleUser user();

    /** The page's language, as chosen by the member (zh-CN by default). */
    Locale locale();

    /** Chooses the Chinese or English text by {@link #locale()}. */
    default String text(String zh, String en) {
        return Locale.ENGLISH.getLanguage().equals(locale().getLanguage()) ? en : zh;
    }
}
