package cn.jiaoyun.ui.server;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every label of the UI, from {@code i18n/ui_zh_CN} (default) and {@code i18n/ui_en}. */
@Singleton
public class UiTranslations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LOCALES = List.of(CHINESE, Locale.ENGLISH);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale use = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/ui", use,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, use).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
