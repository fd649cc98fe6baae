package cn.jiaoyun.ui.modules;

import cn.jiaoyun.host.RunningModule;

import java.util.Optional;

/**
 * A module's page could not be created: the module threw (a recorded incident) or stopped
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

    /** The incident's id when the module's code failed (the details are with the platform administrator). */
    public Optional<String> incident() {
        return getCause() instanceof RunningModule.ModuleFailure f ? Optional.of(f.incident()) : Optional.empty();
    }
}
