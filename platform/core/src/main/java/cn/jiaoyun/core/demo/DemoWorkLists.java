package cn.jiaoyun.core.demo;

import cn.jiaoyun.core.assessment.WorkListImport;
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
 * no lists for that year yet: a second start imports nothing.
 */
@Singleton
public class DemoWorkLists {

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorkLists.class);
    private static final Pattern FILE = Pattern.compile("worklists-(\\d{4})\\.(txt|docx|xlsx)");

    private final WorkListImport imports;
    private final WorkListService worklists;

    public DemoWorkLists(WorkListImport imports, WorkListService worklists) {
        this.imports = imports;
        this.worklists = worklists;
    }

    /** Returns how many documents were imported. */
    public int ensure(BureauDefinitionFiles.Entry entry) {
        String code = entry.definition().code();
        Actor system = new Actor("system", code, null, "系统", Set.of(Role.BUREAU_ADMIN), null);
        int imported = 0;
        for (var file : entry.demoFiles().entrySet()) {
            Matcher m = FILE.matcher(file.getKey());
            if (!m.matches()) {
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            if (!worklists.lists(code, year).isEmpty()) {
                continue;
            }
            imports.commit(system, file.getKey(), file.getValue(), year, Locale.SIMPLIFIED_CHINESE, null);
            LOG.info("Demo work lists of {} for {} imported from {}", code, year, file.getKey());
            imported++;
        }
        return imported;
    }
}
