package cn.jiaoyun.ui.server;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.ApplicationContext;

import java.net.URL;
import java.nio.file.FileSystemNotFoundException;

/** The Vaadin servlet, with Micronaut-backed instantiation and class-path static resources. */
final class JiaoyunVaadinServlet extends VaadinServlet {

    private final transient ApplicationContext context;

    JiaoyunVaadinServlet(ApplicationContext context) {
        this.context = context;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            @Override
            protected Instantiator createInstantiator() {
                return new BeanInstantiator(this, context);
            }

            @Override
            public URL getStaticResource(String path) {
                try {
                    return super.getStaticResource(path);
                } catch (FileSystemNotFoundException e) {
                    // resources inside jars: Vaadin tries Path.of(jar URI) on some paths
                    return getClassLoader().getResource("META-INF/resources/" + path.replaceFirst("^/", ""));
                }
            }
        };
        service.init();
        return service;
    }
}
