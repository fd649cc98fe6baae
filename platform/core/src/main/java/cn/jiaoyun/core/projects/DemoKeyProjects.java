package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.projects.KeyProjectViews.IssueInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MilestoneInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MonthInput;
import cn.jiaoyun.core.projects.KeyProjectViews.PlanInput;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectInput;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a demo bureau's key projects kept beside its definition: {@code demo/key-projects-<year>.csv}
 * (one project a line with its plan, twelve months and December's progress) and, when present,
 * {@code key-project-milestones-<year>.csv} and {@code key-project-issues-<year>.csv}. Every row
 * keeps the file's source column, so that figures a document gives and synthetic ones stay
 * apart. Loads a year only when the bureau has no key projects for it: a second start loads nothing.
 */
@Singleton
public class DemoKeyProjects {

    private static final Logger LOG = LoggerFactory.getLogger(DemoKeyProjects.class);
    private static final Pattern FILE = Pattern.compile("key-projects-(\\d{4})\\.csv");

    private final KeyProjects keyProjects;
    private final TenantTransactions tx;

    public DemoKeyProjects(KeyProjects keyProjects, TenantTransactions tx) {
        this.keyProjects = keyProjects;
        this.tx = tx;
    }

    /** Returns how many projects were loaded. */
    public int ensure(BureauDefinitionFiles.Entry entry) {
        String code = entry.definition().code();
        int loaded = 0;
        for (var file : entry.demoFiles().entrySet()) {
            Matcher m = FILE.matcher(file.getKey());
            if (!m.matches()) {
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            if (keyProjects.hasProjects(code, year)) {
                continue;
            }
            byte[] milestones = entry.demoFiles().get("key-project-milestones-" + year + ".csv");
            byte[] issues = entry.demoFiles().get("key-project-issues-" + year + ".csv");
            int n = load(code, year, file.getValue(), milestones, issues);
            LOG.info("Demo key projects of {} for {}: {} loaded from {}", code, year, n, file.getKey());
            loaded += n;
        }
        return loaded;
    }

    /** Loads one year's files in one transaction: all of it or nothing. */
    int load(String tenant, int year, byte[] projectsCsv, byte[] milestonesCsv, byte[] issuesCsv) {
        Actor system = new Actor("system", tenant, null, "系统", Set.of(Role.BUREAU_ADMIN), null);
        return tx.inBureau(tenant, () -> {
            Map<String, Long> ids = new HashMap<>();
            for (Map<String, String> row : rows(projectsCsv)) {
                KeyProject p = keyProjects.create(system, new ProjectInput(row.get("code"), row.get("name"),
                        row.get("category"), row.get("level"), row.get("owner_unit"), number(row.get("total_investment_wan")),
                        Integer.valueOf(row.get("start_year")), Integer.valueOf(row.get("finish_year"))),
                        row.get("project_source"), null);
                ids.put(p.code(), p.id());
                String figures = row.get("figures_source");
                keyProjects.putPlan(system, p.id(), year, new PlanInput(number(row.get("plan_wan"))), figures, null);
                for (int month = 1; month <= 12; month++) {
                    BigDecimal actual = number(row.get(String.format("m%02d", month)));
                    if (actual == null) {
                        continue;
                    }
                    BigDecimal progress = month == 12 ? number(row.get("progress_12")) : null;
                    keyProjects.putMonth(system, p.id(), String.format("%d-%02d", year, month),
                            new MonthInput(actual, progress, null), figures, null);
                }
            }
            if (milestonesCsv != null) {
                for (Map<String, String> row : rows(milestonesCsv)) {
                    Long id = ids.get(row.get("code"));
                    if (id != null) {
                        keyProjects.putMilestones(system, id, List.of(new MilestoneInput(row.get("kind"),
                                row.get("planned_on"), row.get("actual_on"))), row.get("source"), null);
                    }
                }
            }
            if (issuesCsv != null) {
                for (Map<String, String> row : rows(issuesCsv)) {
                    Long id = ids.get(row.get("code"));
                    if (id != null) {
                        keyProjects.addIssue(system, id, new IssueInput(row.get("kind"), row.get("description"),
                                row.get("found_on"), row.get("resolved_on"), row.get("resolution")), row.get("source"), null);
                    }
                }
            }
            return ids.size();
        });
    }

    /** The file's data lines by column name; '#' lines are comments. Fields hold no commas. */
    static List<Map<String, String>> rows(byte[] csv) {
        List<Map<String, String>> out = new ArrayList<>();
        String[] header = null;
        for (String line : new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String v = i < cells.length ? cells[i].strip() : "";
                row.put(header[i].strip(), v.isEmpty() ? null : v);
            }
            out.add(row);
        }
        return out;
    }

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
