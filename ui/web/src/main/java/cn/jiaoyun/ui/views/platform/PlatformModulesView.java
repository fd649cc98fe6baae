package cn.jiaoyun.ui.views.platform;

import cn.jiaoyun.core.bureau.Bureau;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.host.BureauModules;
import cn.jiaoyun.host.Incident;
import cn.jiaoyun.host.InstalledModule;
import cn.jiaoyun.host.PluginInstaller;
import cn.jiaoyun.host.PluginRuntime;
import cn.jiaoyun.host.PluginSettings;
import cn.jiaoyun.host.PluginStore;
import cn.jiaoyun.ui.component.Formats;
import cn.jiaoyun.ui.modules.ModuleViews;
import cn.jiaoyun.ui.session.AllowedRoles;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The plugin modules of the platform: what is installed, in which state, from which jar, by
 * whom, and which bureaus use it. A jar uploaded here installs a new module or upgrades the
 * installed one of the same id; a failed module can be restarted; uninstalling keeps the
 * module's data unless its purge is asked for. The host records every step in the audit log.
 */
@Route(value = "platform/modules", layout = MainLayout.class)
@AllowedRoles(Role.PLATFORM_ADMIN)
@Prototype
public class PlatformModulesView extends VerticalLayout implements HasDynamicTitle {

    private final PluginStore store;
    private final PluginInstaller installer;
    private final BureauModules bureauModules;
    private final BureauService bureaus;
    private final PluginRuntime runtime;
    private final Actor admin;
    private final Grid<InstalledModule> grid = new Grid<>();
    private final Div message = new Div();
    private Map<String, List<String>> enabledBy = Map.of();
    private Map<String, String> bureauNames = Map.of();

    public PlatformModulesView(PluginStore store, PluginInstaller installer, BureauModules bureauModules,
                               BureauService bureaus, PluginSettings settings, PluginRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
        this.installer = installer;
        this.bureauModules = bureauModules;
        this.bureaus = bureaus;
        this.admin = UiSession.require();

        grid.setId("modules-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(m -> {
            Span id = new Span(m.id());
            id.setId("module-row-" + m.id());
            id.getStyle().set("font-weight", "600");
            String name = ModuleViews.moduleName(this, m.id());
            return name.equals(m.id()) ? id : lines(id, small(name));
        }).setHeader(getTranslation("modules.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InstalledModule::version).setHeader(getTranslation("modules.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::state).setHeader(getTranslation("modules.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> {
            Span sha = new Span(m.sha256().substring(0, 12) + "…");
            sha.getElement().setAttribute("title", m.sha256());
            sha.setId("module-sha-" + m.id());
            sha.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
            return lines(sha, small(m.signedBy() == null ? getTranslation("modules.unsigned") : m.signedBy()));
        }).setHeader(getTranslation("modules.sha-signer")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> lines(nowrap(m.installedBy()), small(Formats.dateTime(m.installedAt()))))
                .setHeader(getTranslation("modules.installed")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> lines(nowrap(m.updatedBy()), small(Formats.dateTime(m.updatedAt()))))
                .setHeader(getTranslation("modules.updated")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> {
            Span used = new Span(enabledBy.getOrDefault(m.id(), List.of()).stream()
                    .map(code -> bureauNames.getOrDefault(code, code)).collect(Collectors.joining("、")));
            used.setId("module-bureaus-" + m.id());
            return used;
        }).setHeader(getTranslation("modules.bureaus")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("modules.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        // a failure's reason and the recent incidents are long (type, message, where): the row's full width below it
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(m -> {
            Div details = new Div();
            if (m.failureReason() != null) {
                Div reason = new Div(getTranslation("modules.reason", m.failureReason()));
                reason.setId("module-reason-" + m.id());
                reason.getStyle().set("color", "var(--lumo-error-text-color)");
                details.add(reason);
            }
            List<Incident> incidents = runtime.incidents(m.id());
            for (Incident incident : incidents.subList(0, Math.min(5, incidents.size()))) {
                Div line = new Div(getTranslation("modules.incident", incident.id(), Formats.dateTime(incident.at()),
                        incident.node(), incident.detail()));
                line.setId("module-incident-" + m.id() + "-" + incident.id());
                details.add(line);
            }
            details.getStyle().set("font-size", "var(--lumo-font-size-s)")
                    .set("padding", "0 var(--lumo-space-m) var(--lumo-space-s)").set("word-break", "break-all");
            return details;
        }));
        grid.setDetailsVisibleOnClick(false);
        grid.setAllRowsVisible(true);

        message.setId("module-message");
        message.getElement().setAttribute("role", "alert");
        message.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");

        Upload upload = upload(settings);
        Span hint = new Span(getTranslation("modules.upload-hint", settings.maxJarBytes() / (1024 * 1024)));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout top = new HorizontalLayout(upload, hint);
        top.setAlignItems(Alignment.CENTER);
        add(new H2(getTranslation("modules.title")), top, message, grid);
        refresh();
    }

    private static Div lines(Component... lines) {
        Div div = new Div();
        for (Component line : lines) {
            div.add(new Div(line));
        }
        return div;
    }

    private static Span small(String text) {
        Span span = new Span(text);
        span.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return span;
    }

    private static Span nowrap(String text) {
        Span span = new Span(text);
        span.getStyle().set("white-space", "nowrap");
        return span;
    }

    private Component state(InstalledModule m) {
        Span state = new Span(getTranslation("modules.state." + m.state().name()));
        state.setId("module-state-" + m.id());
        state.getElement().setAttribute("data-state", m.state().name());
        String color = switch (m.state()) {
            case ACTIVE -> "var(--lumo-success-text-color)";
            case FAILED -> "var(--lumo-error-text-color)";
            case REMOVED -> "var(--lumo-secondary-text-color)";
        };
        state.getStyle().set("color", color).set("font-weight", "600").set("white-space", "nowrap");
        return state;
    }

    private Component actions(InstalledModule m) {
        // stacked: the grid keeps its width for the facts
        VerticalLayout actions = new VerticalLayout();
        actions.setPadding(false);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        if (m.state() == InstalledModule.State.FAILED) {
            Button restart = new Button(getTranslation("modules.restart"), e -> run(() -> {
                installer.restart(m.id(), admin.auditName());
                Notification.show(getTranslation("modules.restarted", m.id()));
            }));
            restart.setId("module-restart-" + m.id());
            restart.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(restart);
        }
        if (m.state() == InstalledModule.State.REMOVED) {
            Button purge = new Button(getTranslation("modules.purge"), e -> confirmRemoval(m));
            purge.setId("module-purge-" + m.id());
            purge.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(purge);
        } else {
            Button remove = new Button(getTranslation("modules.remove"), e -> confirmRemoval(m));
            remove.setId("module-remove-" + m.id());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(remove);
        }
        return actions;
    }

    private void confirmRemoval(InstalledModule m) {
        boolean removed = m.state() == InstalledModule.State.REMOVED;
        Dialog dialog = new Dialog();
        dialog.setId("module-remove-dialog");
        dialog.setHeaderTitle(getTranslation(removed ? "modules.purge.title" : "modules.remove.title", m.id(), m.version()));
        Div text = new Div(getTranslation(removed ? "modules.purge.text" : "modules.remove.text"));
        Checkbox purge = new Checkbox(getTranslation("modules.remove.purge"));
        purge.setId("module-purge");
        purge.setValue(removed);
        purge.setReadOnly(removed);
        Div tables = new Div(getTranslation("modules.remove.tables",
                m.tables().isEmpty() ? "—" : String.join("、", m.tables())));
        tables.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div error = new Div();
        error.setId("module-remove-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button confirm = new Button(getTranslation(removed ? "modules.purge" : "modules.remove"), e -> {
            try {
                installer.remove(m.id(), purge.getValue(), admin.auditName());
                dialog.close();
                Notification.show(getTranslation(purge.getValue() ? "modules.purged" : "modules.removed", m.id()));
                refresh();
            } catch (ApiProblem problem) {
                error.setText(problem.fullDetail(UI.getCurrent().getLocale()));
            } catch (RuntimeException failure) {
                error.setText(getTranslation("modules.remove-error", String.valueOf(failure.getMessage())));
            }
        });
        confirm.setId("module-remove-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(text, purge, tables, error));
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private Upload upload(PluginSettings settings) {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            // installing migrates and starts the module: done without holding the UI's lock
            Object outcome;
            try {
                outcome = installOrUpgrade(metadata.fileName(), bytes);
            } catch (RuntimeException e) {
                outcome = e;
            }
            Object result = outcome;
            ui.access(() -> {
                String text;
                boolean ok = result instanceof InstalledModule;
                if (result instanceof InstalledModule m) {
                    text = getTranslation("modules.installed-ok", m.id(), m.version());
                } else if (result instanceof ApiProblem refused) {
                    text = refused.fullDetail(locale);
                } else {
                    text = getTranslation("modules.install-error", String.valueOf(((Exception) result).getMessage()));
                }
                message.setText(ok ? "" : text);
                upload.clearFileList();
                Notification n = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
                refresh();
            });
        }));
        upload.setId("module-upload");
        upload.setAcceptedFileTypes(".jar");
        upload.setI18n(cn.jiaoyun.ui.component.UploadTexts.of(this));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxJarBytes()));
        upload.setDropLabel(new Span(getTranslation("modules.upload")));
        return upload;
    }

    /** Upgrades when a module of the jar's id is installed, installs otherwise; the host checks everything. */
    private InstalledModule installOrUpgrade(String fileName, byte[] bytes) {
        String id = pluginId(bytes);
        boolean installed = id != null && store.find(id).filter(m -> m.state() != InstalledModule.State.REMOVED).isPresent();
        return installed ? installer.upgrade(id, fileName, bytes, admin.auditName())
                : installer.install(fileName, bytes, admin.auditName());
    }

    /** The {@code Plugin-Id} of the jar's manifest, or null when it cannot be read (the installer says why). */
    private static String pluginId(byte[] bytes) {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
            message.setText("");
        } catch (ApiProblem problem) {
            message.setText(problem.fullDetail(UI.getCurrent().getLocale()));
        } catch (RuntimeException failure) {
            message.setText(getTranslation("modules.action-error", String.valueOf(failure.getMessage())));
        }
        refresh();
    }

    private void refresh() {
        enabledBy = bureauModules.enabledByModule();
        bureauNames = bureaus.all().stream().collect(Collectors.toMap(Bureau::id, Bureau::name, (a, b) -> a));
        List<InstalledModule> modules = store.list();
        grid.setItems(modules);
        modules.forEach(m -> grid.setDetailsVisible(m,
                m.failureReason() != null || !runtime.incidents(m.id()).isEmpty()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("modules.title") + " · " + getTranslation("app.name");
    }
}
