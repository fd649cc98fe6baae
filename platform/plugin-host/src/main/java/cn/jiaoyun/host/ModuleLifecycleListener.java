package cn.jiaoyun.host;

/**
 * Told when a module starts and stops serving on this node: the web UI registers and withdraws
 * the module's views and menu entries. An exception from {@link #started} fails the module.
 */
public interface ModuleLifecycleListener {

    void started(RunningModule module);

    void stopped(RunningModule module);
}
