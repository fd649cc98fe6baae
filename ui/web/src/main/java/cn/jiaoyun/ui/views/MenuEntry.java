package cn.jiaoyun.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One entry of the main menu. The platform's own entries name a translation key and a view
 * class; a module's entries carry their Chinese and English titles and the route they open.
 * {@code moduleId} names the module a bureau must have enabled for the entry to show (null for
 * the platform's own pages); who may see it follows the view's roles and, for a module's entry,
 * {@code roles} (role names; any bureau role when empty).
 */
public record MenuEntry(String id, String labelKey, String labelZh, String labelEn, Class<? extends Component> view,
                        String path, VaadinIcon icon, String moduleId, Set<String> roles) {

    public MenuEntry {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** One of the platform's own entries. */
    public MenuEntry(String id, String labelKey, Class<? extends Component> view, VaadinIcon icon, String moduleId) {
        this(id, labelKey, null, null, view, null, icon, moduleId, Set.of());
    }

    /** A module's page at {@code path} ({@code modules/<module-id>/<route>}). */
    public static MenuEntry module(String id, String moduleId, String titleZh, String titleEn,
                                   Class<? extends Component> view, String path, VaadinIcon icon, Set<String> roles) {
        return new MenuEntry(id, null, titleZh, titleEn == null ? titleZh : titleEn, view, path, icon, moduleId, roles);
    }

    /** The entry's text in the UI's language. */
    public String label(Locale locale, Function<String, String> translate) {
        if (labelKey != null) {
            return translate.apply(labelKey);
        }
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }
}
