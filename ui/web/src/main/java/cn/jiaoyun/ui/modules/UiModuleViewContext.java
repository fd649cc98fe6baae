package cn.jiaoyun.ui.modules;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleUser;
import cn.jiaoyun.plugin.api.ModuleViewContext;

import java.util.Locale;

/** What a module's page is given: its module, the member's bureau and account, the UI's language. */
record UiModuleViewContext(ModuleContext module, BureauRef bureau, ModuleUser user, Locale locale)
        implements ModuleViewContext {
}
