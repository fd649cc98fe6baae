package cn.jiaoyun.ui.server;

import cn.jiaoyun.ui.modules.ModuleViews;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import io.micronaut.context.ApplicationContext;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Creates Vaadin's objects through Micronaut: views and layouts are {@code @Prototype} beans and
 * receive services in their constructors. Classes Micronaut does not know (Vaadin internals,
 * plugin views from another class loader) get their widest public constructor's arguments from
 * the context. A running module's page is created by {@link ModuleViews}, with the member's
 * context and inside the module's guarded call.
 */
final class BeanInstantiator extends DefaultInstantiator {

    private final transient ApplicationContext context;

    BeanInstantiator(VaadinService service, ApplicationContext context) {
        super(service);
        this.context = context;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        ModuleViews modules = context.findBean(ModuleViews.class).orElse(null);
        if (modules != null && modules.isModuleView(type)) {
            return modules.create(type);
        }
        if (context.containsBean(type)) {
            return context.getBean(type);
        }
        Constructor<?> widest = Arrays.stream(type.getConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElse(null);
        if (widest == null || widest.getParameterCount() == 0) {
            return super.getOrCreate(type);
        }
        try {
            Object[] args = Arrays.stream(widest.getParameterTypes()).map(context::getBean).toArray();
            return type.cast(widest.newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }

    @Override
    public java.util.stream.Stream<com.vaadin.flow.server.VaadinServiceInitListener> getServiceInitListeners() {
        return java.util.stream.Stream.concat(super.getServiceInitListeners(),
                context.getBeansOfType(com.vaadin.flow.server.VaadinServiceInitListener.class).stream());
    }

    @Override
    public I18NProvider getI18NProvider() {
        return context.getBean(UiTranslations.class);
    }
}
