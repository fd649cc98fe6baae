package cn.jiaoyun.ui.views;

import cn.jiaoyun.ui.session.Forbidden;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.micronaut.context.annotation.Prototype;
import jakarta.servlet.http.HttpServletResponse;

/** A page the logged-in account may not open. */
@ParentLayout(MainLayout.class)
@Prototype
public class ForbiddenView extends VerticalLayout implements HasErrorParameter<Forbidden>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Forbidden> parameter) {
        Div message = new Div(getTranslation("error.forbidden.text"));
        message.setId("forbidden");
        add(new H2(getTranslation("error.forbidden.title")), message);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.forbidden.title") + " · " + getTranslation("app.name");
    }
}
