package cn.jiaoyun.host;

import cn.jiaoyun.plugin.api.IndicatorPublisher;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleData;

import java.time.Clock;

/** The context one running module is given. */
record HostModuleContext(String moduleId, String version, Clock clock, System.Logger logger, ModuleData data,
                         IndicatorPublisher indicators) implements ModuleContext {
}
