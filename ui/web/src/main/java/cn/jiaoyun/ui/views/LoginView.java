package cn.jiaoyun.ui.views;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.BureauService.BureauChoice;
import cn.jiaoyun.core.identity.LoginService;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.PublicView;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.platform.BureausView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.List;

/**
 * Login: choose the bureau (or the platform), user name, password. The same service as the API
 * checks it, so the same lock-out and audit apply.
 */
@Route("login")
@PublicView
@Prototype
public class LoginView extends VerticalLayout implements HasDynamicTitle {

    /** The chooser's entry for platform accounts, which belong to no bureau. */
    static final String PLATFORM = "";

    public LoginView(BureauService bureaus, LoginService logins) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        H1 title = new H1(getTranslation("app.name"));
        Paragraph subtitle = new Paragraph(getTranslation("login.subtitle"));

        List<BureauChoice> choices = new ArrayList<>(bureaus.choices());
        choices.add(new BureauChoice(PLATFORM, getTranslation("login.platform")));
        ComboBox<BureauChoice> bureau = new ComboBox<>(getTranslation("login.bureau"));
        bureau.setId("bureau");
        bureau.setItems(choices);
        bureau.setItemLabelGenerator(BureauChoice::name);
        bureau.setWidthFull();
        bureau.setAutofocus(true);

        TextField username = new TextField(getTranslation("login.username"));
        username.setId("username");
        username.setWidthFull();
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        // values reach the server as they are typed, so that Enter never submits a stale form
        username.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        PasswordField password = new PasswordField(getTranslation("login.password"));
        password.setId("password");
        password.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        password.setWidthFull();

        Div error = new Div();
        error.setId("login-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        Button login = new Button(getTranslation("login.submit"), e -> {
            error.setText("");
            if (bureau.getValue() == null || username.isEmpty() || password.isEmpty()) {
                error.setText(getTranslation("login.incomplete"));
                return;
            }
            String tenant = PLATFORM.equals(bureau.getValue().code()) ? null : bureau.getValue().code();
            try {
                LoginService.Login result = logins.login(tenant, username.getValue(), password.getValue(),
                        VaadinRequest.getCurrent().getRemoteAddr());
                UiSession.login(result.actor());
                if (result.actor().has(Role.PLATFORM_ADMIN)) {
                    UI.getCurrent().navigate(BureausView.class);
                } else if (result.actor().tenantId() == null && result.actor().has(Role.REGIONAL_ANALYST)) {
                    UI.getCurrent().navigate(cn.jiaoyun.ui.views.region.ComparisonView.class);
                } else {
                    UI.getCurrent().navigate(HomeView.class);
                }
            } catch (ApiProblem problem) {
                password.clear();
                error.setText(problem.detail(UI.getCurrent().getLocale()));
            }
        });
        login.setId("login");
        login.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        login.setWidthFull();
        // Enter submits from the name and password fields only: in the bureau chooser it picks a bureau
        login.addClickShortcut(Key.ENTER).listenOn(username, password);

        VerticalLayout form = new VerticalLayout(title, subtitle, bureau, username, password, login, error,
                LanguageSwitch.button());
        form.setMaxWidth("24em");
        form.setPadding(false);
        add(form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
