package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.ImportPreview.Choice;
import cn.jiaoyun.core.assessment.ImportPreview.DepartmentMatch;
import cn.jiaoyun.core.assessment.ImportPreview.ItemPreview;
import cn.jiaoyun.core.assessment.ImportPreview.Line;
import cn.jiaoyun.core.assessment.ImportPreview.ListPreview;
import cn.jiaoyun.core.assessment.ImportPreview.RulePreview;
import cn.jiaoyun.core.assessment.ImportPreview.Suggestion;
import cn.jiaoyun.core.assessment.ImportPreview.TargetPreview;
import cn.jiaoyun.core.assessment.ImportPreview.UnknownName;
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
import cn.jiaoyun.core.organisation.NameAlias;
import cn.jiaoyun.core.organisation.Organisation;
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
import java.util.LinkedHashMap;
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
    private final Organisation organisation;

    public WorkListImport(TenantTransactions tx, BureauService bureaus, WorkListRepository lists,
                          AssessmentItemRepository items, ItemContentSync contentSync, AuditLog audit,
                          Organisation organisation) {
        this.tx = tx;
        this.organisation = organisation;
        this.bureaus = bureaus;
        this.lists = lists;
        this.items = items;
        this.contentSync = contentSync;
        this.audit = audit;
    }

    /**
     * An item as it will be stored; {@code newDepartments} are supervising departments to be
     * created at commit, by the name the file writes.
     */
    private record PlannedItem(ParsedItem parsed, List<DepartmentMatch> departments, List<String> newDepartments,
                               List<ExtractedTarget> targets, List<DeductionRuleText> rules) {

        List<Long> departmentIds() {
            return departments.stream().map(DepartmentMatch::departmentId).filter(Objects::nonNull).distinct().toList();
        }
    }

    /** A list as it will be stored; {@code newUnits} are its units to be created at commit. */
    private record PlannedList(WorkListKind kind, String title, List<Long> unitIds, List<String> newUnits,
                               List<PlannedItem> items) {
    }

    /** A name to remember as an alias at commit. */
    private record NewAlias(String kind, String written, long targetId) {
    }

    /** A name to create at commit; {@code field} names the part that chose it, for a refusal. */
    private record NewName(String name, String field) {
    }

    private record Plan(ImportPreview preview, List<PlannedList> lists, List<NewName> newUnits,
                        List<NewName> newDepartments, List<NewAlias> aliases) {
    }

    /** Reads the document and shows what would be stored; writes nothing. */
    public ImportPreview preview(Actor admin, String fileName, byte[] content, @Nullable Integer year, Locale locale) {
        return preview(admin, fileName, content, year, locale, ImportChoices.NONE);
    }

    /** The preview with the administrator's choices for unknown names applied; writes nothing. */
    public ImportPreview preview(Actor admin, String fileName, byte[] content, @Nullable Integer year, Locale locale,
                                 ImportChoices choices) {
        ParsedWorkLists parsed = parse(fileName, content, locale);
        return plan(admin.bureau(), fileName, parsed, year, locale, choices).preview();
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
        return commit(admin, fileName, content, year, locale, clientIp, legacyEncodingConfirmed, ImportChoices.NONE);
    }

    /**
     * Stores the lists with the administrator's choices for unknown names: in the one bureau
     * transaction the chosen aliases are remembered, the chosen units and departments created and
     * the lists stored; when anything fails, none of it is.
     */
    public ImportResult commit(Actor admin, String fileName, byte[] content, @Nullable Integer year, Locale locale,
                               String clientIp, boolean legacyEncodingConfirmed, ImportChoices choices) {
        String tenant = admin.bureau();
        ParsedWorkLists parsed = parse(fileName, content, locale);
        boolean legacyEncoding = parsed.notices().stream()
                .anyMatch(n -> n.message() == cn.jiaoyun.core.assessment.importing.WorkListMessage.DECODED_AS_GB18030);
        if (legacyEncoding && !legacyEncodingConfirmed) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, List.of(new FieldError("encoding", "import.encoding.confirm")),
                    "import.encoding.unconfirmed", fileName);
        }
        Plan plan = plan(tenant, fileName, parsed, year, locale, choices);
        if (!plan.preview().committable()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, plan.preview().problems().stream()
                    .map(p -> new FieldError("file", "text", new Messages.Bilingual(p, p))).toList(),
                    "import.not-committable", fileName);
        }
        int year1 = plan.preview().year();
        return tx.inBureau(tenant, () -> {
            String source = "import:" + fileName;
            for (NewAlias a : plan.aliases()) {
                organisation.rememberAlias(tenant, admin.auditName(), a.kind(), a.written(), a.targetId(), clientIp);
            }
            Map<String, Long> created = new HashMap<>();
            for (NewName n : plan.newUnits()) {
                created.put("U:" + Organisation.key(n.name()), organisation.createUnitInImport(tenant,
                        admin.auditName(), n.name(), n.field(), source, clientIp).id());
            }
            for (NewName n : plan.newDepartments()) {
                created.put("D:" + Organisation.key(n.name()), organisation.createDepartmentInImport(tenant,
                        admin.auditName(), n.name(), n.field(), source, clientIp).id());
            }
            Counts counts = new Counts();
            for (PlannedList planned : plan.lists()) {
                store(tenant, year1, fileName, resolve(planned, created), counts);
            }
            ImportResult result = new ImportResult(plan.preview(), counts.listsCreated, counts.listsUpdated,
                    counts.itemsCreated, counts.itemsUpdated, counts.itemsUnchanged, counts.itemsRemoved,
                    counts.itemsKept, counts.targetsCreated, counts.targetsRemoved);
            audit.record(tenant, admin.auditName(), AuditAction.WORK_LIST_IMPORTED, "file:" + fileName,
                    "year=" + year1 + ", lists created " + counts.listsCreated + ", updated " + counts.listsUpdated
                            + ", items created " + counts.itemsCreated + ", updated " + counts.itemsUpdated
                            + ", removed " + counts.itemsRemoved + ", kept " + counts.itemsKept
                            + ", units created " + plan.newUnits().size() + ", departments created "
                            + plan.newDepartments().size() + ", aliases " + plan.aliases().size(), clientIp);
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

    /** The unit and department names of the file, resolved against the bureau and the choices made. */
    private final class Names {
        final List<Unit> units;
        final List<Department> departments;
        final Map<String, Long> unitAliases;
        final Map<String, Long> departmentAliases;
        final Map<String, Long> unitIds = new HashMap<>();
        final Map<String, Long> departmentIds = new HashMap<>();
        final Map<String, String> unitsToCreate = new LinkedHashMap<>();
        final Map<String, String> departmentsToCreate = new LinkedHashMap<>();
        final Map<String, String> unknownUnits = new LinkedHashMap<>();
        final Map<String, String> unknownDepartments = new LinkedHashMap<>();

        Names(String tenant) {
            units = bureaus.units(tenant).stream().filter(Unit::active).toList();
            departments = bureaus.departments(tenant).stream().filter(Department::active).toList();
            unitAliases = organisation.aliasTargets(tenant, NameAlias.UNIT);
            departmentAliases = organisation.aliasTargets(tenant, NameAlias.DEPARTMENT);
        }

        @Nullable
        Unit knownUnit(String written) {
            Unit exact = exactUnit(units, written);
            if (exact != null) {
                return exact;
            }
            Long alias = unitAliases.get(Organisation.key(written));
            Unit aliased = alias == null ? null : units.stream().filter(u -> u.id().equals(alias)).findFirst()
                    .orElse(null);
            return aliased != null ? aliased : matchUnit(units, written);
        }

        @Nullable
        Department knownDepartment(String written) {
            Department exact = matchDepartment(departments, written);
            if (exact != null) {
                return exact;
            }
            Long alias = departmentAliases.get(Organisation.key(written));
            return alias == null ? null : departments.stream().filter(d -> d.id().equals(alias)).findFirst()
                    .orElse(null);
        }

        /** First pass: every name of the file, known or not. */
        void see(ParsedWorkLists parsed) {
            for (var unitList : parsed.keyLists()) {
                String written = unitList.unitName().strip();
                Unit u = knownUnit(written);
                if (u != null) {
                    unitIds.put(Organisation.key(written), u.id());
                } else {
                    unknownUnits.putIfAbsent(Organisation.key(written), written);
                }
                unitList.items().forEach(this::seeDepartments);
            }
            parsed.routine().ifPresent(r -> r.items().forEach(this::seeDepartments));
        }

        private void seeDepartments(ParsedItem item) {
            for (String name : item.departments()) {
                String written = name.strip();
                Department d = knownDepartment(written);
                if (d != null) {
                    departmentIds.put(Organisation.key(written), d.id());
                } else {
                    unknownDepartments.putIfAbsent(Organisation.key(written), written);
                }
            }
        }

        /** Second: the choices, checked against the unknown names; a wrong one is refused naming its part. */
        void choose(ImportChoices choices, List<NewAlias> aliases) {
            Set<String> created = new HashSet<>();
            for (String name : choices.create()) {
                String key = Organisation.key(name);
                if (!unknownUnits.containsKey(key) && !unknownDepartments.containsKey(key)) {
                    throw ApiProblem.badField("create", "import.choice.not-unknown", name);
                }
                created.add(key);
            }
            for (Map.Entry<String, Long> e : choices.aliases().entrySet()) {
                String key = Organisation.key(e.getKey());
                long id = e.getValue();
                if (created.contains(key)) {
                    throw ApiProblem.badField("aliases", "import.choice.both", e.getKey());
                }
                boolean asUnit = unknownUnits.containsKey(key);
                boolean asDepartment = unknownDepartments.containsKey(key);
                if (!asUnit && !asDepartment) {
                    throw ApiProblem.badField("aliases", "import.choice.not-unknown", e.getKey());
                }
                if (asUnit) {
                    if (units.stream().noneMatch(u -> u.id() == id)) {
                        throw ApiProblem.badField("aliases", "import.choice.unit-id", e.getKey(), String.valueOf(id));
                    }
                    unitIds.put(key, id);
                    aliases.add(new NewAlias(NameAlias.UNIT, unknownUnits.get(key), id));
                }
                if (asDepartment) {
                    if (departments.stream().noneMatch(d -> d.id() == id)) {
                        throw ApiProblem.badField("aliases", "import.choice.department-id", e.getKey(),
                                String.valueOf(id));
                    }
                    departmentIds.put(key, id);
                    aliases.add(new NewAlias(NameAlias.DEPARTMENT, unknownDepartments.get(key), id));
                }
            }
            unknownUnits.forEach((key, written) -> {
                if (!unitIds.containsKey(key) && (choices.createMissing() || created.contains(key))) {
                    unitsToCreate.put(key, created.contains(key) ? "create" : "createMissing");
                }
            });
            unknownDepartments.forEach((key, written) -> {
                if (!departmentIds.containsKey(key) && (choices.createMissing() || created.contains(key))) {
                    departmentsToCreate.put(key, created.contains(key) ? "create" : "createMissing");
                }
            });
        }

        List<UnknownName> unknownUnitsPreview() {
            return unknownUnits.entrySet().stream().map(e -> new UnknownName(e.getValue(),
                    suggest(e.getValue(), units.stream().map(u -> new Suggestion(u.id(), u.name())).toList(),
                            units.stream().map(u -> u.shortName() == null ? u.name() : u.shortName()).toList()),
                    unitsToCreate.containsKey(e.getKey()) ? Choice.CREATE
                            : unitIds.containsKey(e.getKey()) ? Choice.MAP : null,
                    unitIds.get(e.getKey()))).toList();
        }

        List<UnknownName> unknownDepartmentsPreview() {
            return unknownDepartments.entrySet().stream().map(e -> new UnknownName(e.getValue(),
                    suggest(e.getValue(), departments.stream().map(d -> new Suggestion(d.id(), d.name())).toList(),
                            departments.stream().map(d -> d.shortName() == null ? d.name() : d.shortName()).toList()),
                    departmentsToCreate.containsKey(e.getKey()) ? Choice.CREATE
                            : departmentIds.containsKey(e.getKey()) ? Choice.MAP : null,
                    departmentIds.get(e.getKey()))).toList();
        }
    }

    private Plan plan(String tenant, String fileName, ParsedWorkLists parsed, @Nullable Integer requestedYear,
                      Locale locale, ImportChoices choices) {
        boolean english = "en".equals(locale.getLanguage());
        Names names = new Names(tenant);
        names.see(parsed);
        List<NewAlias> newAliases = new ArrayList<>();
        names.choose(choices, newAliases);
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
        Set<String> newUnitsOfFile = new LinkedHashSet<>();
        Set<String> unknownDepartments = new LinkedHashSet<>();
        String keyTitle = parsed.title().orElse(Messages.text(locale, "import.key-list"));
        Map<Long, Unit> unitsById = new HashMap<>();
        names.units.forEach(u -> unitsById.put(u.id(), u));
        for (var unitList : parsed.keyLists()) {
            String written = unitList.unitName().strip();
            String key = Organisation.key(written);
            Unit unit = names.unitIds.containsKey(key) ? unitsById.get(names.unitIds.get(key)) : null;
            boolean toCreate = unit == null && names.unitsToCreate.containsKey(key);
            if (unit != null) {
                unitsOfFile.add(unit.id());
            } else if (toCreate) {
                newUnitsOfFile.add(written);
            } else {
                problems.add(Messages.text(locale, "import.unit.unknown", unitList.unitName()));
            }
            List<PlannedItem> plannedItems = planItems(unitList.items(), names, unknownDepartments);
            planned.add(new PlannedList(WorkListKind.KEY, keyTitle, unit == null ? List.of() : List.of(unit.id()),
                    toCreate ? List.of(written) : List.of(), plannedItems));
            listPreviews.add(new ListPreview(WorkListKind.KEY.name(), unitList.unitName(),
                    unit == null ? null : unit.id(), unit == null ? (toCreate ? written : null) : unit.name(),
                    unitList.items().size(), unitList.totalPoints()));
            addPreviews(itemPreviews, unitList.unitName(), plannedItems, english);
        }
        parsed.routine().ifPresent(routine -> {
            boolean fromFile = !unitsOfFile.isEmpty() || !newUnitsOfFile.isEmpty();
            List<Long> appliesTo = fromFile ? List.copyOf(unitsOfFile) : names.units.stream().map(Unit::id).toList();
            List<PlannedItem> plannedItems = planItems(routine.items(), names, unknownDepartments);
            planned.add(new PlannedList(WorkListKind.ROUTINE, routine.title(), appliesTo, List.copyOf(newUnitsOfFile),
                    plannedItems));
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
                itemPreviews, unplaced, notices, problems, names.unknownUnitsPreview(),
                names.unknownDepartmentsPreview());
        List<NewName> newUnits = names.unitsToCreate.entrySet().stream()
                .map(e -> new NewName(names.unknownUnits.get(e.getKey()), e.getValue())).toList();
        List<NewName> newDepartments = names.departmentsToCreate.entrySet().stream()
                .map(e -> new NewName(names.unknownDepartments.get(e.getKey()), e.getValue())).toList();
        return new Plan(preview, planned, newUnits, newDepartments, List.copyOf(newAliases));
    }

    private List<PlannedItem> planItems(List<ParsedItem> parsed, Names names, Set<String> unknown) {
        List<PlannedItem> out = new ArrayList<>();
        for (ParsedItem item : parsed) {
            List<DepartmentMatch> matches = new ArrayList<>();
            List<String> toCreate = new ArrayList<>();
            for (String name : item.departments()) {
                String key = Organisation.key(name.strip());
                Long id = names.departmentIds.get(key);
                if (id == null && names.departmentsToCreate.containsKey(key)) {
                    toCreate.add(name.strip());
                } else if (id == null) {
                    unknown.add(name);
                }
                matches.add(new DepartmentMatch(name, id));
            }
            out.add(new PlannedItem(item, matches, toCreate, contentSync.targetsOf(item.content()),
                    contentSync.rulesOf(item.content(), item.points())));
        }
        return out;
    }

    /** The planned list with the units and departments created at commit put in by their new ids. */
    private static PlannedList resolve(PlannedList p, Map<String, Long> created) {
        if (p.newUnits().isEmpty() && p.items().stream().allMatch(i -> i.newDepartments().isEmpty())) {
            return p;
        }
        List<Long> unitIds = new ArrayList<>(p.unitIds());
        p.newUnits().forEach(n -> unitIds.add(created.get("U:" + Organisation.key(n))));
        List<PlannedItem> items = p.items().stream().map(i -> {
            if (i.newDepartments().isEmpty()) {
                return i;
            }
            List<DepartmentMatch> matches = i.departments().stream().map(d -> d.departmentId() != null ? d
                    : new DepartmentMatch(d.name(), created.get("D:" + Organisation.key(d.name().strip())))).toList();
            return new PlannedItem(i.parsed(), matches, List.of(), i.targets(), i.rules());
        }).toList();
        return new PlannedList(p.kind(), p.title(), List.copyOf(unitIds), List.of(), items);
    }

    /**
     * The existing name closest to {@code written}: most characters in common, in order, and at
     * least two and most of the shorter name (港航处 → 港航管理处); null when none is close.
     */
    @Nullable
    static Suggestion suggest(String written, List<Suggestion> candidates, List<String> shortNames) {
        String w = Organisation.key(written);
        Suggestion best = null;
        double bestScore = 0;
        for (int i = 0; i < candidates.size(); i++) {
            for (String name : List.of(candidates.get(i).name(), shortNames.get(i))) {
                String c = Organisation.key(name);
                int common = commonInOrder(w, c);
                if (common < 2 || common < 0.6 * Math.min(w.length(), c.length())) {
                    continue;
                }
                double score = (double) common / Math.max(w.length(), c.length());
                if (score > bestScore) {
                    bestScore = score;
                    best = candidates.get(i);
                }
            }
        }
        return best;
    }

    /** Length of the longest common subsequence. */
    private static int commonInOrder(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            prev = cur;
        }
        return prev[b.length()];
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

    /** The bureau's unit a name in a document names exactly, by name or short name. */
    @Nullable
    static Unit exactUnit(List<Unit> units, String written) {
        String name = normalise(written);
        List<Unit> found = units.stream().filter(u -> normalise(u.name()).equals(name)
                || (u.shortName() != null && normalise(u.shortName()).equals(name))).toList();
        return found.size() == 1 ? found.get(0) : null;
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
                .filter(d -> normalise(d.name()).equals(name) || d.code().equalsIgnoreCase(name)
                        || (d.shortName() != null && normalise(d.shortName()).equals(name)))
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
