package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.ImportPreview.DepartmentMatch;
import cn.jiaoyun.core.assessment.ImportPreview.ItemPreview;
import cn.jiaoyun.core.assessment.ImportPreview.Line;
import cn.jiaoyun.core.assessment.ImportPreview.ListPreview;
import cn.jiaoyun.core.assessment.ImportPreview.RulePreview;
import cn.jiaoyun.core.assessment.ImportPreview.TargetPreview;
import cn.jiaoyun.core.assessment.extraction.ExtractedTarget;
import cn.jiaoyun.core.assessment.importing.ParsedItem;
import cn.jiaoyun.core.assessment.importing.ParsedWorkLists;
import cn.jiaoyun.core.assessment.importing.WorkListDocuments;
import cn.jiaoyun.core.assessment.importing.WorkListFormatException;
import cn.jiaoyun.core.assessment.scoring.DeductionRuleText;
import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports a bureau's work lists from its own documents (.txt export of Word tables, .docx,
 * .xlsx): first a preview of everything it would store, then a commit in one transaction.
 * Importing the same file again changes nothing; a changed file updates the lists in place.
 * Targets a person corrected or removed stay as the person left them.
 */
@Singleton
public class WorkListImport {

    private final TenantTransactions tx;
    private final BureauService bureaus;
    private final WorkListRepository lists;
    private final AssessmentItemRepository items;
    private final ItemContentSync contentSync;
    private final AuditLog audit;

    public WorkListImport(TenantTransactions tx, BureauService bureaus, WorkListRepository lists,
                          AssessmentItemRepository items, ItemContentSync contentSync, AuditLog audit) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.lists = lists;
        this.items = items;
        this.contentSync = contentSync;
        this.audit = audit;
    }

    private record PlannedItem(ParsedItem parsed, List<DepartmentMatch> departments, List<ExtractedTarget> targets,
                               List<DeductionRuleText> rules) {

        List<Long> departmentIds() {
            return departments.stream().map(DepartmentMatch::departmentId).filter(Objects::nonNull).distinct().toList();
        }
    }

    private record PlannedList(WorkListKind kind, String title, List<Long> unitIds, List<PlannedItem> items) {
    }

    private record Plan(ImportPreview preview, List<PlannedList> lists) {
    }

    /** Reads the document and shows what would be stored; writes nothing. */
    public ImportPreview preview(Actor admin, String fileName, byte[] content, @Nullable Integer year, Locale locale) {
        ParsedWorkLists parsed = parse(fileName, content, locale);
        return plan(admin.bureau(), fileName, parsed, year, locale).preview();
    }

    /** Stores the lists of a UTF-8 document, or nothing when the preview names a problem. */
    public ImportResult commit(Actor admin, String fileName, byte[] content, @Nullable Integer year, Locale locale,
                               String clientIp) {
        return commit(admin, fileName, content, year, locale, clientIp, false);
    }

    /**
     * Stores the lists of the document, or nothing when the preview names a problem. A text file
     * that is not UTF-8 (GBK, as many bureau PCs save) is read as GB18030 for the preview, but
     * stored only when the person confirmed that reading ({@code legacyEncodingConfirmed}).
     */
    public ImportResult commit(Actor admin, String fileName, byte[] content, @Nullable Integer year, Locale locale,
                               String clientIp, boolean legacyEncodingConfirmed) {
        String tenant = admin.bureau();
        ParsedWorkLists parsed = parse(fileName, content, locale);
        boolean legacyEncoding = parsed.notices().stream()
                .anyMatch(n -> n.message() == cn.jiaoyun.core.assessment.importing.WorkListMessage.DECODED_AS_GB18030);
        if (legacyEncoding && !legacyEncodingConfirmed) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, List.of(new FieldError("encoding", "import.encoding.confirm")),
                    "import.encoding.unconfirmed", fileName);
        }
        Plan plan = plan(tenant, fileName, parsed, year, locale);
        if (!plan.preview().committable()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, plan.preview().problems().stream()
                    .map(p -> new FieldError("file", "text", new Messages.Bilingual(p, p))).toList(),
                    "import.not-committable", fileName);
        }
        int year1 = plan.preview().year();
        return tx.inBureau(tenant, () -> {
            Counts counts = new Counts();
            for (PlannedList planned : plan.lists()) {
                store(tenant, year1, fileName, planned, counts);
            }
            ImportResult result = new ImportResult(plan.preview(), counts.listsCreated, counts.listsUpdated,
                    counts.itemsCreated, counts.itemsUpdated, counts.itemsUnchanged, counts.itemsRemoved,
                    counts.itemsKept, counts.targetsCreated, counts.targetsRemoved);
            audit.record(tenant, admin.auditName(), AuditAction.WORK_LIST_IMPORTED, "file:" + fileName,
                    "year=" + year1 + ", lists created " + counts.listsCreated + ", updated " + counts.listsUpdated
                            + ", items created " + counts.itemsCreated + ", updated " + counts.itemsUpdated
                            + ", removed " + counts.itemsRemoved + ", kept " + counts.itemsKept, clientIp);
            return result;
        });
    }

    private static ParsedWorkLists parse(String fileName, byte[] content, Locale locale) {
        try {
            return WorkListDocuments.parse(fileName, content);
        } catch (WorkListFormatException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.problems().stream()
                    .map(p -> new FieldError("file", "text", new Messages.Bilingual(p.chinese(), p.english())))
                    .toList(), "import.unreadable", fileName);
        }
    }

    private Plan plan(String tenant, String fileName, ParsedWorkLists parsed, @Nullable Integer requestedYear,
                      Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<Unit> units = bureaus.units(tenant).stream().filter(Unit::active).toList();
        List<Department> departments = bureaus.departments(tenant).stream().filter(Department::active).toList();
        List<String> problems = new ArrayList<>();
        Integer year = requestedYear != null ? requestedYear : parsed.year().orElse(null);
        if (year == null) {
            problems.add(Messages.text(locale, "import.year.missing"));
        }
        if (parsed.keyLists().isEmpty() && parsed.routine().isEmpty()) {
            problems.add(Messages.text(locale, "import.empty", fileName));
        }
        List<PlannedList> planned = new ArrayList<>();
        List<ListPreview> listPreviews = new ArrayList<>();
        List<ItemPreview> itemPreviews = new ArrayList<>();
        Set<Long> unitsOfFile = new LinkedHashSet<>();
        Set<String> unknownDepartments = new LinkedHashSet<>();
        String keyTitle = parsed.title().orElse(Messages.text(locale, "import.key-list"));
        for (var unitList : parsed.keyLists()) {
            Unit unit = matchUnit(units, unitList.unitName());
            if (unit == null) {
                problems.add(Messages.text(locale, "import.unit.unknown", unitList.unitName()));
            } else {
                unitsOfFile.add(unit.id());
            }
            List<PlannedItem> plannedItems = planItems(unitList.items(), departments, unknownDepartments);
            planned.add(new PlannedList(WorkListKind.KEY, keyTitle, unit == null ? List.of() : List.of(unit.id()),
                    plannedItems));
            listPreviews.add(new ListPreview(WorkListKind.KEY.name(), unitList.unitName(),
                    unit == null ? null : unit.id(), unit == null ? null : unit.name(),
                    unitList.items().size(), unitList.totalPoints()));
            addPreviews(itemPreviews, unitList.unitName(), plannedItems, english);
        }
        parsed.routine().ifPresent(routine -> {
            List<Long> appliesTo = unitsOfFile.isEmpty() ? units.stream().map(Unit::id).toList() : List.copyOf(unitsOfFile);
            List<PlannedItem> plannedItems = planItems(routine.items(), departments, unknownDepartments);
            planned.add(new PlannedList(WorkListKind.ROUTINE, routine.title(), appliesTo, plannedItems));
            listPreviews.add(new ListPreview(WorkListKind.ROUTINE.name(), routine.title(), null, null,
                    routine.items().size(), routine.totalPoints()));
            addPreviews(itemPreviews, routine.title(), plannedItems, english);
        });
        for (String department : unknownDepartments) {
            problems.add(Messages.text(locale, "import.department.unknown", department));
        }
        List<Line> unplaced = parsed.unplaced().stream()
                .map(u -> new Line(english ? u.location().english() : u.location().chinese(), u.text(),
                        english ? u.reason().english() : u.reason().chinese()))
                .toList();
        List<String> notices = parsed.notices().stream().map(n -> english ? n.english() : n.chinese()).toList();
        ImportPreview preview = new ImportPreview(fileName, year, parsed.title().orElse(null), listPreviews,
                itemPreviews, unplaced, notices, problems);
        return new Plan(preview, planned);
    }

    private List<PlannedItem> planItems(List<ParsedItem> parsed, List<Department> departments, Set<String> unknown) {
        List<PlannedItem> out = new ArrayList<>();
        for (ParsedItem item : parsed) {
            List<DepartmentMatch> matches = new ArrayList<>();
            for (String name : item.departments()) {
                Department d = matchDepartment(departments, name);
                if (d == null) {
                    unknown.add(name);
                }
                matches.add(new DepartmentMatch(name, d == null ? null : d.id()));
            }
            out.add(new PlannedItem(item, matches, contentSync.targetsOf(item.content()),
                    contentSync.rulesOf(item.content(), item.points())));
        }
        return out;
    }

    private static void addPreviews(List<ItemPreview> out, String listName, List<PlannedItem> planned, boolean english) {
        for (int i = 0; i < planned.size(); i++) {
            PlannedItem p = planned.get(i);
            ParsedItem item = p.parsed();
            out.add(new ItemPreview(listName, i + 1, item.title(), item.content(), item.points(),
                    p.departments(), p.targets().stream().map(WorkListImport::targetPreview).toList(),
                    p.rules().stream().map(r -> new RulePreview(r.pointsPerOccurrence(), r.cap(), r.condition())).toList(),
                    english ? item.location().english() : item.location().chinese()));
        }
    }

    private static TargetPreview targetPreview(ExtractedTarget t) {
        return new TargetPreview(t.subject(), t.comparator().symbol(), t.value(), t.valueKnown(), t.unit(),
                t.deadline().map(d -> d.label()).orElse(null), t.span().start(), t.span().end());
    }

    /** The bureau's unit a name in a document means: by name, short name, or a name that ends with it. */
    static Unit matchUnit(List<Unit> units, String written) {
        String name = normalise(written);
        List<Unit> found = units.stream().filter(u -> normalise(u.name()).equals(name)
                || (u.shortName() != null && normalise(u.shortName()).equals(name))).toList();
        if (found.isEmpty()) {
            found = units.stream().filter(u -> {
                String own = normalise(u.name());
                return Math.min(own.length(), name.length()) >= 4 && (own.endsWith(name) || name.endsWith(own));
            }).toList();
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    static Department matchDepartment(List<Department> departments, String written) {
        String name = normalise(written);
        return departments.stream()
                .filter(d -> normalise(d.name()).equals(name) || d.code().equalsIgnoreCase(name))
                .findFirst().orElse(null);
    }

    private static String normalise(String s) {
        return s.replaceAll("[\\s\\u3000]", "");
    }

    private static final class Counts {
        int listsCreated;
        int listsUpdated;
        int itemsCreated;
        int itemsUpdated;
        int itemsUnchanged;
        int itemsRemoved;
        int itemsKept;
        int targetsCreated;
        int targetsRemoved;
    }

    private void store(String tenant, int year, String fileName, PlannedList planned, Counts counts) {
        WorkList existing = planned.kind() == WorkListKind.KEY
                ? lists.findKeyList(tenant, year, planned.unitIds().get(0)).orElse(null)
                : lists.findRoutineList(tenant, year, planned.title()).orElse(null);
        WorkList list;
        if (existing == null) {
            list = lists.save(new WorkList(null, tenant, year, planned.kind(), planned.title(), fileName, null));
            counts.listsCreated++;
        } else if (!existing.title().equals(planned.title())) {
            list = lists.update(new WorkList(existing.id(), tenant, year, planned.kind(), planned.title(), fileName,
                    existing.expectedPoints()));
            counts.listsUpdated++;
        } else {
            list = existing;
        }
        Set<Long> applied = new HashSet<>(lists.findUnitIds(tenant, list.id()));
        for (Long unitId : planned.unitIds()) {
            if (!applied.contains(unitId)) {
                lists.addUnit(tenant, list.id(), unitId);
            }
        }
        Map<String, Deque<AssessmentItem>> byTitle = new HashMap<>();
        for (AssessmentItem item : items.findByTenantIdAndWorkListIdOrderByPosition(tenant, list.id())) {
            byTitle.computeIfAbsent(item.title(), t -> new ArrayDeque<>()).add(item);
        }
        for (int i = 0; i < planned.items().size(); i++) {
            PlannedItem p = planned.items().get(i);
            ParsedItem parsed = p.parsed();
            AssessmentItem match = byTitle.getOrDefault(parsed.title(), new ArrayDeque<>()).poll();
            AssessmentItem wanted = new AssessmentItem(match == null ? null : match.id(), tenant, list.id(), i + 1,
                    parsed.title(), parsed.content(), parsed.points());
            AssessmentItem stored;
            if (match == null) {
                stored = items.save(wanted);
                counts.itemsCreated++;
            } else if (match.position() != wanted.position() || !match.content().equals(wanted.content())
                    || match.points().compareTo(wanted.points()) != 0) {
                stored = items.update(wanted);
                counts.itemsUpdated++;
            } else {
                stored = match;
                counts.itemsUnchanged++;
            }
            contentSync.syncDepartments(tenant, stored.id(), p.departmentIds());
            ItemContentSync.TargetCounts targetCounts = contentSync.syncTargets(tenant, stored.id(), p.targets());
            counts.targetsCreated += targetCounts.created();
            counts.targetsRemoved += targetCounts.removed();
            contentSync.syncRules(tenant, stored.id(), p.rules());
        }
        for (Deque<AssessmentItem> left : byTitle.values()) {
            for (AssessmentItem gone : left) {
                if (items.hasActivity(tenant, gone.id())) {
                    counts.itemsKept++;
                } else {
                    items.delete(gone);
                    counts.itemsRemoved++;
                }
            }
        }
    }
}
