package cn.jiaoyun.core.demo;

import cn.jiaoyun.core.assessment.PlanImport;
import cn.jiaoyun.core.assessment.WorkListImport;
import cn.jiaoyun.core.assessment.WorkListKind;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a demo bureau's work lists kept beside its definition ({@code demo/worklists-<year>.txt},
 * {@code .docx} or {@code .xlsx}), derived from the bureau's real documents, when the bureau has
 * no lists for that year yet, and its narrative plans ({@code demo/plan-<year>.txt} or
 * {@code .docx}) as PLAN lists when it has no plan of that year: a second start imports nothing.
 */
@Singleton
public class DemoWorkLists {

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorkLists.class);
    private static final Pattern FILE = Pattern.compile("worklists-(\\d{4})\\.(txt|docx|xlsx)");
    private static final Pattern PLAN = Pattern.compile("plan-(\\d{4})\\.(txt|docx)");

    private final WorkListImport imports;
    private final PlanImport plans;
    private final WorkListService worklists;

    public DemoWorkLists(WorkListImport imports, PlanImport plans, WorkListService worklists) {
        this.imports = imports;
        this.plans = plans;
        this.worklists = worklists;
    }

    /** Returns how many documents were imported. */
    public int ensure(BureauDefinitionFiles.Entry entry) {
        String code = entry.definition().code();
        Actor system = new Actor("system", code, null, "系统", Set.of(Role.BUREAU_ADMIN), null);
        int imported = 0;
        for (var file : entry.demoFiles().entrySet()) {
            Matcher m = FILE.matcher(file.getKey());
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                if (worklists.lists(code, year).stream().anyMatch(l -> l.kind() != WorkListKind.PLAN)) {
                    continue;
                }
                imports.commit(system, file.getKey(), file.getValue(), year, Locale.SIMPLIFIED_CHINESE, null);
                LOG.info("Demo work lists of {} for {} imported from {}", code, year, file.getKey());
                imported++;
                continue;
            }
            Matcher plan = PLAN.matcher(file.getKey());
            if (plan.matches()) {
                int year = Integer.parseInt(plan.group(1));
                if (worklists.lists(code, year).stream().anyMatch(l -> l.kind() == WorkListKind.PLAN)) {
                    continue;
                }
                plans.commit(system, file.getKey(), file.getValue(), year, Locale.SIMPLIFIED_CHINESE, null, true);
                LOG.info("Demo plan of {} for {} imported from {}", code, year, file.getKey());
                imported++;
            }
        }
        return imported;
    }
}
