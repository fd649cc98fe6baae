package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleContext;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The services of one started instance of the module, shared by its endpoints, importers and
 * pages; pages find them through the {@link ModuleContext} the host hands them ({@link #of}).
 * One entry per running instance, keyed by the identity of its context (an upgrade runs two
 * versions side by side for a moment). Every write that can change a month's figures goes
 * through here so that the month's indicators are published again.
 */
final class PortServices {

    private static final Map<ModuleContext, PortServices> RUNNING = Collections.synchronizedMap(new IdentityHashMap<>());

    final ModuleContext context;
    final Ports ports;
    final MonthlyStatistics statistics;
    final Summary summary;
    final Projects projects;
    final StatisticsWorkbook workbook;
    final Indicators indicators;

    private PortServices(ModuleContext context) {
        this.context = context;
        this.ports = new Ports(context.data());
        this.statistics = new MonthlyStatistics(context.data());
        this.summary = new Summary(context.data());
        this.projects = new Projects(context.data());
        this.workbook = new StatisticsWorkbook(context.data());
        this.indicators = new Indicators(summary, context.indicators(), context.data());
    }

    static PortServices start(ModuleContext context) {
        PortServices services = new PortServices(context);
        RUNNING.put(context, services);
        return services;
    }

    static void stop(ModuleContext context) {
        RUNNING.remove(context);
    }

    static PortServices of(ModuleContext context) {
        PortServices services = RUNNING.get(context);
        if (services == null) {
            throw new IllegalStateException("port-throughput " + context.version() + " is not running");
        }
        return services;
    }

    /** Imports a monthly statistics file and publishes the months it touched. */
    Importer.Outcome importStatistics(BureauRef bureau, String fileName, InputStream in, BinaryOperator<String> text)
            throws IOException {
        MonthlyStatistics.Written written = statistics.importFile(bureau, Tables.read(fileName, in), text);
        indicators.publish(bureau, written.months());
        return written.outcome();
    }

    /** Replaces a month's figures and publishes it. */
    MonthlyStatistics.Month putMonth(BureauRef bureau, YearMonth month, Map<String, Object> json) {
        MonthlyStatistics.Month m = statistics.putMonth(bureau, month, json);
        indicators.publish(bureau, List.of(month));
        return m;
    }

    /**
     * Imports ports, areas and berths; a new area or opening date changes which months are
     * complete, so every month with figures is published again.
     */
    Importer.Outcome importBerths(BureauRef bureau, String fileName, InputStream in, BinaryOperator<String> text)
            throws IOException {
        Importer.Outcome outcome = ports.importFile(bureau, Tables.read(fileName, in), text);
        if (outcome.accepted() > 0) {
            republishAll(bureau);
        }
        return outcome;
    }

    /** Publishes every month that has figures again (after ports or areas changed). */
    void republishAll(BureauRef bureau) {
        indicators.publish(bureau, statistics.months(bureau));
    }
}
