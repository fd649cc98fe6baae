package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.ImportPreview.Line;
import cn.jiaoyun.core.assessment.ImportPreview.TargetPreview;
import cn.jiaoyun.core.assessment.PlanViews.PlanImportResult;
import cn.jiaoyun.core.assessment.PlanViews.PlanItemPreview;
import cn.jiaoyun.core.assessment.PlanViews.PlanPreview;
import cn.jiaoyun.core.assessment.extraction.ExtractedTarget;
import cn.jiaoyun.core.assessment.importing.ParsedPlan;
import cn.jiaoyun.core.assessment.importing.PlanFormatException;
import cn.jiaoyun.core.assessment.importing.PlanNode;
import cn.jiaoyun.core.assessment.importing.PlanParser;
import cn.jiaoyun.core.assessment.importing.WorkListMessage;
import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
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
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Imports a bureau's narrative plan (.txt or .docx, as published) as a PLAN list: first a preview
 * of its hierarchy, targets and the lines left out, then a commit in one transaction. Sections
 * and tasks become items with their parent; points stay empty (不计分) until the administrator
 * assigns them, and owners stay as the administrator set them. Importing the same file again
 * changes nothing; a changed file updates the plan in place.
 */
@Singleton
public class PlanImport {

    private final TenantTransactions tx;
    private final WorkListRepository lists;
    private final AssessmentItemRepository items;
    private final PlanItemRepository planItems;
    private final ItemContentSync contentSync;
    private final AuditLog audit;

    public PlanImport(TenantTransactions tx, WorkListRepository lists, AssessmentItemRepository items,
                      PlanItemRepository planItems, ItemContentSync contentSync, AuditLog audit) {
        this.tx = tx;
        this.lists = lists;
        this.items = items;
        this.planItems = planItems;
        this.contentSync = contentSync;
        this.audit = audit;
    }

    /** A target read from the item's content ({@code inContent}: its span is there) or from its title. */
    private record Found(ExtractedTarget target, boolean inContent) {
    }

    private record Planned(PlanNode node, List<Found> targets) {
    }

    private record Plan(PlanPreview preview, List<Planned> items) {
    }

    /** Reads the document and shows what would be stored; writes nothing. */
    public PlanPreview preview(Actor admin, String fileName, byte[] content, @Nullable Integer year, Locale locale) {
        return plan(admin.bureau(), fileName, parse(fileName, content), year, locale).preview();
    }

    /**
     * Stores the plan, or nothing when the preview names a problem. A text file that is not UTF-8
     * is stored only when the person confirmed the GB18030 reading ({@code legacyEncodingConfirmed}).
     */
    public PlanImportResult commit(Actor admin, String fileName, byte[] content, @Nullable Integer year,
                                   Locale locale, @Nullable String clientIp, boolean legacyEncodingConfirmed) {
        String tenant = admin.bureau();
        ParsedPlan parsed = parse(fileName, content);
        boolean legacyEncoding = parsed.notices().stream()
                .anyMatch(n -> n.message() == WorkListMessage.DECODED_AS_GB18030);
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
        int planYear = plan.preview().year();
        String title = plan.preview().title();
        return tx.inBureau(tenant, () -> {
            Counts counts = new Counts();
            Long existing = planItems.findPlanListId(tenant, planYear, title).orElse(null);
            WorkList list;
            if (existing == null) {
                list = lists.save(new WorkList(null, tenant, planYear, WorkListKind.PLAN, title, fileName, null));
            } else {
                list = lists.findByTenantIdAndId(tenant, existing).orElseThrow();
            }
            storeItems(tenant, list.id(), plan.items(), counts);
            PlanImportResult result = new PlanImportResult(plan.preview(), list.id(), existing == null,
                    counts.itemsCreated, counts.itemsUpdated, counts.itemsUnchanged, counts.itemsRemoved,
                    counts.itemsKept, counts.targetsCreated, counts.targetsRemoved);
            audit.record(tenant, admin.auditName(), AuditAction.PLAN_IMPORTED, "work-list:" + list.id(),
                    "file=" + fileName + ", year=" + planYear + ", title=" + title
                            + (existing == null ? ", list created" : "") + ", items created " + counts.itemsCreated
                            + ", updated " + counts.itemsUpdated + ", removed " + counts.itemsRemoved
                            + ", kept " + counts.itemsKept, clientIp);
            return result;
        });
    }

    private static ParsedPlan parse(String fileName, byte[] content) {
        try {
            return new PlanParser().parse(fileName, content);
        } catch (PlanFormatException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST,
                    List.of(new FieldError("file", "text", new Messages.Bilingual(e.chinese(), e.english()))),
                    "import.unreadable", fileName);
        }
    }

    private Plan plan(String tenant, String fileName, ParsedPlan parsed, @Nullable Integer requestedYear,
                      Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<String> problems = new ArrayList<>();
        Integer year = requestedYear != null ? requestedYear : parsed.year().orElse(null);
        if (year == null) {
            problems.add(Messages.text(locale, "import.year.missing"));
        }
        List<String> notices = new ArrayList<>();
        parsed.notices().forEach(n -> notices.add(english ? n.english() : n.chinese()));
        if (parsed.titleFromFileName()) {
            notices.add(Messages.text(locale, "plan.import.title-from-file", parsed.title()));
        }
        List<Planned> planned = new ArrayList<>();
        List<PlanItemPreview> previews = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (PlanNode node : parsed.items()) {
            List<Found> found = new ArrayList<>();
            contentSync.targetsOf(node.content()).forEach(t -> found.add(new Found(t, true)));
            // a target in the heading's first sentence has no place in the content: no span
            contentSync.targetsOf(node.title()).forEach(t -> found.add(new Found(t, false)));
            planned.add(new Planned(node, found));
            String path = node.parent() == null ? node.number() : paths.get(node.parent()) + " › " + node.number();
            paths.add(path);
            previews.add(new PlanItemPreview(node.index() + 1, node.parent() == null ? null : node.parent() + 1,
                    node.level(), node.number(), path, node.title(), node.content(),
                    found.stream().map(PlanImport::targetPreview).toList(),
                    english ? node.location().english() : node.location().chinese()));
        }
        List<Line> ignored = parsed.ignored().stream()
                .map(l -> new Line(english ? l.location().english() : l.location().chinese(), l.text(),
                        english ? l.kind().english() : l.kind().chinese()))
                .toList();
        Long existing = year == null ? null
                : tx.readInBureau(tenant, () -> planItems.findPlanListId(tenant, year, parsed.title())).orElse(null);
        PlanPreview preview = new PlanPreview(fileName, year, parsed.title(), parsed.titleFromFileName(), existing,
                previews, ignored, notices, problems);
        return new Plan(preview, planned);
    }

    /** A target of the title has no place in the content: start and end are -1. */
    private static TargetPreview targetPreview(Found found) {
        ExtractedTarget t = found.target();
        return new TargetPreview(t.subject(), t.comparator().symbol(), t.value(), t.valueKnown(), t.unit(),
                t.deadline().map(d -> d.label()).orElse(null), found.inContent() ? t.span().start() : -1,
                found.inContent() ? t.span().end() : -1);
    }

    private static final class Counts {
        int itemsCreated;
        int itemsUpdated;
        int itemsUnchanged;
        int itemsRemoved;
        int itemsKept;
        int targetsCreated;
        int targetsRemoved;
    }

    /**
     * Items are matched to the stored ones by title, in order; points and owners stay as the
     * administrator set them. An item missing from the new file goes, unless it (or an item
     * under it) has reports, reviews or deductions: then it stays.
     */
    private void storeItems(String tenant, long listId, List<Planned> planned, Counts counts) {
        List<AssessmentItem> old = items.findByTenantIdAndWorkListIdOrderByPosition(tenant, listId);
        Map<Long, PlanItem> oldPlaces = new HashMap<>();
        planItems.findByList(tenant, listId).forEach(p -> oldPlaces.put(p.itemId(), p));
        Map<String, Deque<AssessmentItem>> byTitle = new LinkedHashMap<>();
        for (AssessmentItem item : old) {
            byTitle.computeIfAbsent(item.title(), t -> new ArrayDeque<>()).add(item);
        }
        List<Long> stored = new ArrayList<>();
        for (Planned p : planned) {
            PlanNode node = p.node();
            AssessmentItem match = byTitle.getOrDefault(node.title(), new ArrayDeque<>()).poll();
            AssessmentItem wanted = new AssessmentItem(match == null ? null : match.id(), tenant, listId,
                    node.index() + 1, node.title(), node.content(), match == null ? null : match.points());
            AssessmentItem item;
            boolean changed;
            if (match == null) {
                item = items.save(wanted);
                changed = true;
                counts.itemsCreated++;
            } else if (match.position() != wanted.position() || !match.content().equals(wanted.content())) {
                item = items.update(wanted);
                changed = true;
            } else {
                item = match;
                changed = false;
            }
            stored.add(item.id());
            Long parent = node.parent() == null ? null : stored.get(node.parent());
            PlanItem have = oldPlaces.get(item.id());
            PlanItem place = new PlanItem(item.id(), tenant, parent, node.number(), node.level(),
                    have == null ? null : have.ownerUnitId(), have == null ? null : have.ownerDepartmentId());
            if (have == null) {
                planItems.save(place);
            } else if (!have.equals(place)) {
                planItems.update(place);
                changed = true;
            }
            if (match != null) {
                if (changed) {
                    counts.itemsUpdated++;
                } else {
                    counts.itemsUnchanged++;
                }
            }
            ItemContentSync.TargetCounts synced = contentSync.syncTargets(tenant, item.id(),
                    p.targets().stream().map(Found::target).toList(), inContent(p.targets()));
            counts.targetsCreated += synced.created();
            counts.targetsRemoved += synced.removed();
        }
        removeLeftOver(tenant, byTitle, oldPlaces, counts);
    }

    private void removeLeftOver(String tenant, Map<String, Deque<AssessmentItem>> left, Map<Long, PlanItem> places,
                                Counts counts) {
        List<AssessmentItem> gone = new ArrayList<>();
        left.values().forEach(gone::addAll);
        Set<Long> kept = new HashSet<>();
        for (AssessmentItem item : gone) {
            if (items.hasActivity(tenant, item.id())) {
                // the item stays, and so do the sections above it
                for (Long id = item.id(); id != null && kept.add(id); ) {
                    PlanItem place = places.get(id);
                    id = place == null ? null : place.parentItemId();
                }
            }
        }
        gone.sort(Comparator.comparingInt(AssessmentItem::position).reversed());
        for (AssessmentItem item : gone) {
            if (kept.contains(item.id())) {
                counts.itemsKept++;
            } else {
                items.delete(item);
                counts.itemsRemoved++;
            }
        }
    }

    private static Predicate<ExtractedTarget> inContent(List<Found> found) {
        Set<ExtractedTarget> placed = new HashSet<>();
        found.stream().filter(Found::inContent).forEach(f -> placed.add(f.target()));
        return placed::contains;
    }
}
