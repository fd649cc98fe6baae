package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleContext;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The services of one started instance of the module, shared by its endpoints, importer and pages.
 * The host creates the pages and hands them only a {@link cn.jiaoyun.plugin.api.ModuleViewContext};
 * they find the services of the instance that contributed them through its {@link ModuleContext}
 * ({@link #of}). One entry per running instance, never per bureau: every service takes the bureau
 * with each call. Changes that move indicators go through here so that the months they touch are
 * published again.
 */
final class RuralServices {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Map<ModuleContext, RuralServices> RUNNING = Collections.synchronizedMap(new IdentityHashMap<>());

    final ModuleContext context;
    final Network network;
    final Projects projects;
    final Towns towns;
    final Facilities facilities;
    final Indicators indicators;
    final Summary summary;
    final MonthlyStatistics statistics;

    private RuralServices(ModuleContext context) {
        this.context = context;
        this.network = new Network(context.data());
        this.projects = new Projects(context.data());
        this.towns = new Towns(context.data());
        this.facilities = new Facilities(context.data());
        this.indicators = new Indicators(context.data(), context.indicators(), network);
        this.summary = new Summary(indicators, network, projects);
        this.statistics = new MonthlyStatistics(context.data(), projects);
    }

    static RuralServices start(ModuleContext context) {
        RuralServices services = new RuralServices(context);
        RUNNING.put(context, services);
        return services;
    }

    static void stop(ModuleContext context) {
        RUNNING.remove(context);
    }

    static RuralServices of(ModuleContext context) {
        RuralServices services = RUNNING.get(context);
        if (services == null) {
            throw new IllegalStateException("rural-roads " + context.version() + " is not running");
        }
        return services;
    }

    /** The current month in China. */
    YearMonth currentMonth() {
        return YearMonth.now(context.clock().withZone(CHINA));
    }

    /** Republishes the indicators of months whose project reports or inspections changed. */
    void published(BureauRef bureau, Collection<YearMonth> months) {
        if (!months.isEmpty()) {
            indicators.publish(bureau, months, currentMonth());
        }
    }

    /** Republishes the known months of the year of a register's change (a town named, a stop built …). */
    void registerChanged(BureauRef bureau, LocalDate day) {
        published(bureau, Indicators.registerMonths(day, currentMonth()));
    }

    /** Imports monthly statistics and republishes the months they touch. */
    MonthlyStatistics.Result importStatistics(BureauRef bureau, String fileName, InputStream in) throws IOException {
        MonthlyStatistics.Result r = statistics.importFile(bureau, fileName, in);
        published(bureau, r.months());
        return r;
    }

    /**
     * Imports a register and republishes what it moves: the months of the inspections it holds, or
     * the known months of every year in which it names a town, builds a stop or opens a point.
     */
    cn.jiaoyun.plugin.api.Importer.Outcome importRegister(RegisterImport<?> register, BureauRef bureau, String fileName,
                                                          InputStream in) throws IOException {
        RegisterImport.Result r = register.run(context.data(), bureau, fileName, in);
        if (register == RegisterImports.INSPECTIONS) {
            published(bureau, r.days().stream().map(YearMonth::from).distinct().toList());
        } else {
            r.days().stream().map(d -> LocalDate.of(d.getYear(), 1, 1)).distinct().forEach(d -> registerChanged(bureau, d));
        }
        return r.outcome();
    }
}
