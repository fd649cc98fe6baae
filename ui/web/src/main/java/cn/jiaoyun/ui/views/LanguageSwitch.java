package cn.jiaoyun.ui.views;

import cn.jiaoyun.ui.server.UiTranslations;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinSession;

import java.util.Locale;

/** Switches the session between Chinese (the default) and English, and reloads the page. */
final class LanguageSwitch {

    private LanguageSwitch() {
    }

    static Button button() {
        UI ui = UI.getCurrent();
        boolean english = "en".equals(ui.getLocale().getLanguage());
        Button b = new Button(english ? "中文" : "English", e -> {
            Locale next = english ? UiTranslations.CHINESE : Locale.ENGLISH;
            VaadinSession.getCurrent().setLocale(next);
            ui.getPage().reload();
        });
        b.setId("language");
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        b.getElement().setAttribute("lang", english ? "zh-CN" : "en");
        return b;
    }
}
