package cn.jiaoyun.ui.views;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.UiSession;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/**
 * One unit of the session's bureau. An id of another bureau's unit reads as not found: the
 * lookup runs in the session's bureau, where the database shows no other bureau's rows.
 */
@Route(value = "units/:id", layout = MainLayout.class)
@Prototype
public class UnitView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final BureauService bureaus;
    private String title = "";

    public UnitView(BureauService bureaus) {
        this.bureaus = bureaus;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String tenant = UiSession.require().bureau();
        try {
            long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            Unit unit = bureaus.unit(tenant, id);
            title = unit.name();
            H2 heading = new H2(unit.name());
            heading.setId("unit-name");
            add(heading,
                    new Paragraph(getTranslation("unit.short-name") + "：" + (unit.shortName() == null ? "—" : unit.shortName())),
                    new Paragraph(getTranslation("unit.code") + "：" + unit.code()),
                    new Paragraph(getTranslation("unit.status") + "：" + getTranslation(unit.active() ? "status.active" : "status.inactive")));
        } catch (ApiProblem | NumberFormatException notFound) {
            title = getTranslation("error.not-found.title");
            Div message = new Div(getTranslation("unit.not-found"));
            message.setId("not-found");
            add(new H2(getTranslation("error.not-found.title")), message);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
