package cn.jiaoyun.ui.views;

import cn.jiaoyun.ui.modules.ModuleViewFailure;
import cn.jiaoyun.ui.modules.ModuleViews;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;
import jakarta.servlet.http.HttpServletResponse;

/** A module's page that could not be opened: the module failed; the rest of the platform works. */
@ParentLayout(MainLayout.class)
@Prototype
public class ModuleErrorView extends VerticalLayout implements HasErrorParameter<ModuleViewFailure>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ModuleViewFailure> parameter) {
        String module = ModuleViews.moduleName(this, parameter.getException().moduleId());
        Div message = new Div(getTranslation("module.failed.text", module));
        message.setId("module-error");
        parameter.getException().incident().ifPresent(incident -> {
            Div id = new Div(getTranslation("module.failed.incident", incident));
            id.setId("module-incident");
            message.add(id);
        });
        add(new H2(getTranslation("module.failed.title")), message,
                new RouterLink(getTranslation("error.home"), HomeView.class));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("module.failed.title") + " · " + getTranslation("app.name");
    }
}
