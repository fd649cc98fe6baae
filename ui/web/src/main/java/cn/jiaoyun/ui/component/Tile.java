package cn.jiaoyun.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/**
 * A dashboard tile: a title, a figure and a body. A tile without data says so instead of
 * showing a number.
 */
public class Tile extends Div {

    public Tile(String id, String title) {
        setId(id);
        addClassName("jy-tile");
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "16em").set("flex", "1 1 18em");
        add(new H3(title));
    }

    public Tile figure(String value, String unit) {
        Span figure = new Span(value);
        figure.addClassName("jy-figure");
        figure.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        Span u = new Span(" " + unit);
        add(new Div(figure, u));
        return this;
    }

    public Tile noData(String text) {
        Span none = new Span(text);
        none.addClassName("jy-no-data");
        none.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(none);
        return this;
    }

    public Tile body(Component... components) {
        add(components);
        return this;
    }
}
