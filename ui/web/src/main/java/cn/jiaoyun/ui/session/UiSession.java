package cn.jiaoyun.ui.session;

import cn.jiaoyun.core.web.Actor;
import com.vaadin.flow.server.VaadinSession;

import java.util.Optional;

/** The logged-in account of the current browser session, bound to its bureau for the session's life. */
public final class UiSession {

    private UiSession() {
    }

    public static Optional<Actor> actor() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Actor.class));
    }

    /** The logged-in account; views behind the guard can rely on it. */
    public static Actor require() {
        return actor().orElseThrow(() -> new IllegalStateException("no one is logged in"));
    }

    public static void login(Actor actor) {
        // a new session id on login: a session fixed before login cannot be ridden afterwards
        com.vaadin.flow.server.VaadinService.reinitializeSession(com.vaadin.flow.server.VaadinService.getCurrentRequest());
        VaadinSession.getCurrent().setAttribute(Actor.class, actor);
    }

    /** Drops the account from the session without ending it (the account was disabled meanwhile). */
    public static void forget() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(Actor.class, null);
        }
    }

    public static void logout() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(Actor.class, null);
            session.getSession().invalidate();
        }
    }
}
