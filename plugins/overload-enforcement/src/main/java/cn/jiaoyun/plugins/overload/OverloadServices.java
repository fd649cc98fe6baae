package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleUser;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The services of one started instance of the module, shared by its endpoints, importer and
 * pages. The host creates the pages itself and hands them only a
 * {@link cn.jiaoyun.plugin.api.ModuleViewContext}; they find the services of the instance that
 * contributed them through its {@link ModuleContext} ({@link #of}). The registry holds one entry
 * per running instance (by identity of its context), not per bureau: every service takes the
 * bureau with each call and keeps no bureau's state.
 */
final class OverloadServices {

    private static final Map<ModuleContext, OverloadServices> RUNNING =
            Collections.synchronizedMap(new IdentityHashMap<>());

    final ModuleContext context;
    final Sites sites;
    final PassIngest ingest;
    final Cases cases;
    final Indicators indicators;
    final CaseExport export;

    private OverloadServices(ModuleContext context) {
        this.context = context;
        this.sites = new Sites(context.data());
        this.ingest = new PassIngest(context.data());
        this.cases = new Cases(context.data());
        this.indicators = new Indicators(context.data(), context.indicators());
        this.export = new CaseExport(cases);
    }

    /** Creates the services of an instance that is starting and makes them findable by its context. */
    static OverloadServices start(ModuleContext context) {
        OverloadServices services = new OverloadServices(context);
        RUNNING.put(context, services);
        return services;
    }

    /** Forgets the services of an instance that stops. */
    static void stop(ModuleContext context) {
        RUNNING.remove(context);
    }

    /** The services of the running instance whose context this is. */
    static OverloadServices of(ModuleContext context) {
        OverloadServices services = RUNNING.get(context);
        if (services == null) {
            throw new IllegalStateException("overload-enforcement " + context.version() + " is not running");
        }
        return services;
    }

    /** Reads a CSV of pass records and republishes the indicators of every month it touched. */
    PassIngest.Result importCsv(BureauRef bureau, String fileName, InputStream in, PassIngest.Progress progress)
            throws IOException {
        return published(bureau, ingest.csv(bureau, fileName, in, progress));
    }

    /** Republishes the indicators of the months an ingest touched. */
    PassIngest.Result published(BureauRef bureau, PassIngest.Result result) {
        for (YearMonth m : result.months()) {
            indicators.recompute(bureau, m);
        }
        return result;
    }

    /** Moves a case one step on and republishes its month's indicators. */
    Cases.Case advance(BureauRef bureau, long id, Cases.Status to, ModuleUser user, Integer fineYuan, String note) {
        Cases.Case c = cases.advance(bureau, id, to, user, fineYuan, note);
        indicators.recompute(bureau, YearMonth.from(c.detectedAt().atZone(PassRecord.CHINA)));
        return c;
    }
}
