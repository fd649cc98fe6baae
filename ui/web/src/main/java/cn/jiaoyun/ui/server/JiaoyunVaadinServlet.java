package cn.jiaoyun.ui.server;

import cn.jiaoyun.ui.modules.ModuleViews;
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
                URL url;
                try {
                    url = super.getStaticResource(path);
                } catch (FileSystemNotFoundException e) {
                    // resources inside jars: Vaadin tries Path.of(jar URI) on some paths
                    url = getClassLoader().getResource("META-INF/resources/" + path.replaceFirst("^/", ""));
                }
                if (url == null) {
                    // a running module's META-INF/resources, through the module's own class loader
                    url = context.findBean(ModuleViews.class).map(m -> m.staticResource(path)).orElse(null);
                }
                return url;
            }
        };
        service.init();
        return service;
    }
}
