package cn.jiaoyun.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One entry of the main menu. {@code moduleId} names the module a bureau must have enabled for
 * the entry to show (null for the platform's own pages); who may see it follows the view's roles.
 */
public record MenuEntry(String id, String labelKey, Class<? extends Component> view, VaadinIcon icon,
                        String moduleId) {
}
