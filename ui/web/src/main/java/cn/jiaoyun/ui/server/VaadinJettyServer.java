package cn.jiaoyun.ui.server;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.AnnotationValidator;
import com.vaadin.flow.server.startup.ClassLoaderAwareServletContainerInitializer;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import com.vaadin.flow.server.startup.WebComponentConfigurationRegistryInitializer;
import com.vaadin.flow.server.startup.WebComponentExporterAwareValidator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves the Vaadin UI from an embedded Jetty 12 on {@code jiaoyun.ui.port} (0: any free port),
 * started when the API server is up. Embedded Jetty scans nothing, so Vaadin's initialisers are
 * run here with the route classes Micronaut already knows from compile time.
 */
@Singleton
@Requires(property = "jiaoyun.ui.enabled", notEquals = "false")
public class VaadinJettyServer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(VaadinJettyServer.class);

    private final ApplicationContext context;
    private final int configuredPort;
    private Server server;
    private ServletContextHandler handler;

    public VaadinJettyServer(ApplicationContext context, @Value("${jiaoyun.ui.port:8081}") int port) {
        this.context = context;
        this.configuredPort = port;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (server != null) {
            return;
        }
        try {
            server = new Server(configuredPort);
            handler = new ServletContextHandler(ServletContextHandler.SESSIONS);
            handler.setContextPath("/");
            ClassLoader loader = getClass().getClassLoader();
            handler.setClassLoader(loader);
            handler.setBaseResource(classPathResources(handler, loader));
            ServletHolder vaadin = new ServletHolder("vaadin", new JiaoyunVaadinServlet(context));
            vaadin.setAsyncSupported(true);
            vaadin.setInitOrder(1);
            handler.addServlet(vaadin, "/*");
            handler.addServletContainerInitializer((ignored, servletContext) -> initialiseVaadin(servletContext));
            server.setHandler(handler);
            server.start();
            LOG.info("Web UI on http://localhost:{}/", port());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the web UI on port " + configuredPort + ": " + e.getMessage(), e);
        }
    }

    /** The port the UI answers on (the chosen one when configured as 0). */
    public int port() {
        return server == null ? -1 : ((NetworkConnector) server.getConnectors()[0]).getLocalPort();
    }

    public VaadinServletContext vaadinContext() {
        return new VaadinServletContext(handler.getServletContext());
    }

    @PreDestroy
    synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every {@code META-INF/resources} on the class path, as a servlet container would serve them. */
    private static Resource classPathResources(ServletContextHandler handler, ClassLoader loader)
            throws IOException, URISyntaxException {
        ResourceFactory factory = ResourceFactory.of(handler);
        List<Resource> bases = new ArrayList<>();
        for (URL url : Collections.list(loader.getResources("META-INF/resources"))) {
            bases.add(factory.newResource(url.toURI()));
        }
        return ResourceFactory.combine(bases);
    }

    private void initialiseVaadin(ServletContext servletContext) throws ServletException {
        new LookupServletContainerInitializer().process(Set.of(LookupInitializer.class), servletContext);
        // views are @Route beans and error pages HasErrorParameter beans: known at compile time
        Set<Class<?>> routes = context.getBeanDefinitions(Qualifiers.byStereotype(Route.class)).stream()
                .map(BeanDefinition::getBeanType)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        context.getBeanDefinitions(com.vaadin.flow.router.HasErrorParameter.class)
                .forEach(d -> routes.add(d.getBeanType()));
        List<ClassLoaderAwareServletContainerInitializer> initialisers = List.of(
                new RouteRegistryInitializer(), new ErrorNavigationTargetInitializer(),
                new VaadinAppShellInitializer(), new WebComponentConfigurationRegistryInitializer(),
                new AnnotationValidator(), new WebComponentExporterAwareValidator());
        for (ClassLoaderAwareServletContainerInitializer initialiser : initialisers) {
            initialiser.process(handledBy(initialiser, routes), servletContext);
        }
    }

    /** The classes among {@code candidates} that an initialiser's {@code @HandlesTypes} asks for. */
    @SuppressWarnings("unchecked")
    private static Set<Class<?>> handledBy(Object initialiser, Set<Class<?>> candidates) {
        HandlesTypes handles = initialiser.getClass().getAnnotation(HandlesTypes.class);
        Set<Class<?>> out = new LinkedHashSet<>();
        if (handles == null) {
            return out;
        }
        for (Class<?> candidate : candidates) {
            for (Class<?> wanted : handles.value()) {
                boolean matches = wanted.isAnnotation()
                        ? candidate.isAnnotationPresent((Class<? extends Annotation>) wanted)
                        : wanted.isAssignableFrom(candidate) && !wanted.equals(candidate);
                if (matches) {
                    out.add(candidate);
                    break;
                }
            }
        }
        return out;
    }
}
