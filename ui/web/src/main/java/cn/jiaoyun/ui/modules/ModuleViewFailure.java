package cn.jiaoyun.ui.modules;

/**
 * A module's page could not be created: the module threw (and is now marked failed) or stopped
 * serving meanwhile. Shown by {@link cn.jiaoyun.ui.views.ModuleErrorView}.
 */
public class ModuleViewFailure extends RuntimeException {

    private final String moduleId;

    public ModuleViewFailure(String moduleId, Throwable cause) {
        super("Module " + moduleId + " could not show its page: " + cause.getMessage(), cause);
        this.moduleId = moduleId;
    }

    public String moduleId() {
        return moduleId;
    }
}
