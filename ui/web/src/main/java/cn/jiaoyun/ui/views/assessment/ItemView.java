package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemDetail;
import cn.jiaoyun.core.assessment.AssessmentWorkflow;
import cn.jiaoyun.core.assessment.DeductionRule;
import cn.jiaoyun.core.assessment.Target;
import cn.jiaoyun.core.assessment.PlanService;
import cn.jiaoyun.core.assessment.WorkListKind;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.assessment.WorkflowViews.DeductionEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ItemProgress;
import cn.jiaoyun.core.assessment.WorkflowViews.ProgressEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ReviewEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.TargetState;
import cn.jiaoyun.core.assessment.WorkflowViews.ValueEntry;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.identity.UserService;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One assessment item: its text with the targets marked, and for one unit the targets' status,
 * the monthly report (reporters of that unit), the review and deductions (supervisors).
 */
@Route(value = "items/:id", layout = MainLayout.class)
@Prototype
public class ItemView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkListService worklists;
    private final AssessmentWorkflow workflow;
    private final BureauService bureaus;
    private final UserService users;
    private final Div unitPart = new Div();
    private final Div error = new Div();
    private String title = "";
    private ItemDetail item;
    private int year;

    private final cn.jiaoyun.core.indicators.IndicatorCatalog catalog;
    @Inject
    PlanService plans;
    private final cn.jiaoyun.core.indicators.TargetIndicators targetIndicators;

    public ItemView(WorkListService worklists, AssessmentWorkflow workflow, BureauService bureaus, UserService users,
                    cn.jiaoyun.core.indicators.IndicatorCatalog catalog,
                    cn.jiaoyun.core.indicators.TargetIndicators targetIndicators) {
        this.catalog = catalog;
        this.targetIndicators = targetIndicators;
        this.worklists = worklists;
        this.workflow = workflow;
        this.bureaus = bureaus;
        this.users = users;
        error.setId("item-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Actor actor = UiSession.require();
        String tenant = actor.bureau();
        try {
            item = worklists.item(tenant, Long.parseLong(event.getRouteParameters().get("id").orElse("")));
        } catch (ApiProblem | NumberFormatException notFound) {
            title = getTranslation("error.not-found.title");
            Div message = new Div(getTranslation("error.not-found.text"));
            message.setId("not-found");
            add(new H2(title), message);
            return;
        }
        var list = worklists.list(tenant, item.workListId()).list();
        year = list.year();
        title = item.item().title();
        H2 heading = new H2(title);
        heading.setId("item-title");
        String meta = item.item().points() == null ? getTranslation("plan.item.meta", String.valueOf(year))
                : getTranslation("item.meta", pointsText(item.item().points()), String.join("、", item.departments()),
                String.join("、", list.units()), String.valueOf(year));
        add(heading, new Paragraph(meta), markedContent());

        // a plan's item is reported by the unit the administrator named as its owner
        Set<Long> applies = list.kind() == WorkListKind.PLAN
                ? plans.ownerUnit(tenant, item.item().id()).map(Set::of).orElse(Set.of()) : Set.copyOf(list.unitIds());
        Map<Long, Unit> units = bureaus.units(tenant).stream().filter(u -> applies.contains(u.id()))
                .collect(Collectors.toMap(Unit::id, u -> u, (a, b) -> a, LinkedHashMap::new));
        ComboBox<Unit> unit = new ComboBox<>(getTranslation("item.unit"), units.values());
        unit.setId("item-unit");
        unit.setItemLabelGenerator(Unit::name);
        Long ownUnit = actor.userId() == null ? null : users.get(tenant, actor.userId()).unitId();
        if (ownUnit != null && units.containsKey(ownUnit)) {
            unit.setValue(units.get(ownUnit));
            unit.setReadOnly(actor.has(Role.REPORTER) && !actor.hasAny(Set.of(Role.BUREAU_ADMIN, Role.SUPERVISOR, Role.VIEWER)));
        } else if (!units.isEmpty()) {
            unit.setValue(units.values().iterator().next());
        }
        unit.addValueChangeListener(e -> render(actor, e.getValue(), ownUnit));
        add(unit, error, unitPart);
        render(actor, unit.getValue(), ownUnit);
    }

    /** The item's text with each extracted target's passage marked. */
    private Div markedContent() {
        String text = item.item().content();
        List<Target> marked = item.targets().stream().filter(t -> t.spanStart() != null && t.spanEnd() != null
                        && t.spanEnd() <= text.length()).sorted(Comparator.comparing(Target::spanStart)).toList();
        Div content = new Div();
        content.setId("item-content");
        content.getStyle().set("line-height", "1.9").set("max-width", "60em");
        int at = 0;
        for (Target t : marked) {
            if (t.spanStart() < at) {
                continue;
            }
            content.add(new Span(text.substring(at, t.spanStart())));
            Span mark = new Span(text.substring(t.spanStart(), t.spanEnd()));
            mark.addClassName("jy-target");
            mark.getElement().setAttribute("title", requirement(t));
            mark.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("border-bottom", "2px solid var(--lumo-primary-color)");
            content.add(mark);
            at = t.spanEnd();
        }
        content.add(new Span(text.substring(at)));
        return content;
    }

    private void render(Actor actor, Unit unit, Long ownUnit) {
        unitPart.removeAll();
        error.setText("");
        if (unit == null) {
            return;
        }
        String tenant = actor.bureau();
        ItemProgress progress = workflow.progress(tenant, item.item().id(), unit.id(), LocalDate.now(CHINA));
        unitPart.add(new H3(getTranslation("item.targets")));
        if (progress.targets().isEmpty()) {
            unitPart.add(new Div(getTranslation("item.no-targets")));
        }
        List<cn.jiaoyun.core.indicators.Indicator> indicatorList = catalog.all(tenant);
        for (TargetState state : progress.targets()) {
            Span status = new Span(getTranslation("status.target." + state.status().name()));
            status.setId("status-" + state.target().id());
            status.getElement().getThemeList().add("badge");
            status.getStyle().set("color", switch (state.colour()) {
                case "green" -> "var(--lumo-success-text-color)";
                case "amber" -> "var(--lumo-warning-text-color, #b26b00)";
                case "red" -> "var(--lumo-error-text-color)";
                default -> "var(--lumo-secondary-text-color)";
            });
            String latest = state.latest() == null ? "—" : state.latest().stripTrailingZeros().toPlainString()
                    + state.target().unit() + "（" + YearMonth.from(state.latestPeriod()) + "）";
            Div line = new Div(new Span(requirement(state.target()) + " · " + getTranslation("item.latest") + " " + latest + " "), status);
            if (state.indicator() != null) {
                String live = state.live() == null ? "—" : state.live().stripTrailingZeros().toPlainString() + state.target().unit();
                boolean english = "en".equals(UI.getCurrent().getLocale().getLanguage());
                String name = indicatorList.stream().filter(i -> i.code().equals(state.indicator())).findFirst()
                        .map(i -> english ? i.nameEn() : i.nameZh()).orElse(state.indicator());
                Span fed = new Span(" · " + getTranslation("item.live", name, live));
                fed.setId("live-" + state.target().id());
                line.add(fed);
            }
            if (actor.has(Role.BUREAU_ADMIN) || actor.has(Role.SUPERVISOR)) {
                line.add(indicatorChoice(actor, unit, ownUnit, state, indicatorList));
            }
            unitPart.add(line);
        }
        boolean mayReport = actor.has(Role.BUREAU_ADMIN) || (actor.has(Role.REPORTER) && ownUnit != null && ownUnit.equals(unit.id()));
        if (mayReport) {
            unitPart.add(progressForm(actor, unit, progress));
        }
        if (actor.has(Role.SUPERVISOR) && item.item().points() != null) {
            unitPart.add(reviewForm(actor, unit), deductionForm(actor, unit));
        }
        unitPart.add(new H3(getTranslation("item.reviews")));
        progress.reviews().forEach(r -> unitPart.add(new Div(r.score().stripTrailingZeros().toPlainString() + " · "
                + r.comment() + " · " + r.reviewer())));
        progress.deductions().forEach(d -> unitPart.add(new Div("−" + d.points().stripTrailingZeros().toPlainString()
                + " · " + d.reason() + " · " + d.recordedBy())));
    }

    /** Which indicator, if any, feeds the target (administrators and supervisors choose). */
    private com.vaadin.flow.component.combobox.ComboBox<cn.jiaoyun.core.indicators.Indicator> indicatorChoice(
            Actor actor, Unit unit, Long ownUnit, TargetState state, List<cn.jiaoyun.core.indicators.Indicator> all) {
        var choice = new com.vaadin.flow.component.combobox.ComboBox<cn.jiaoyun.core.indicators.Indicator>();
        choice.setId("indicator-" + state.target().id());
        choice.setPlaceholder(getTranslation("item.indicator.none"));
        choice.setClearButtonVisible(true);
        choice.setWidth("18em");
        boolean english = "en".equals(UI.getCurrent().getLocale().getLanguage());
        choice.setItems(all);
        choice.setItemLabelGenerator(i -> (english ? i.nameEn() : i.nameZh()) + "（" + i.unit() + "）");
        all.stream().filter(i -> i.code().equals(state.indicator())).findFirst().ifPresent(choice::setValue);
        choice.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                String ip = null;
                if (e.getValue() == null) {
                    targetIndicators.unlink(actor, state.target().id(), ip);
                } else {
                    targetIndicators.link(actor, state.target().id(), e.getValue().code(), ip);
                }
                render(actor, unit, ownUnit);
            } catch (ApiProblem problem) {
                error.setText(problem.fullDetail(UI.getCurrent().getLocale()));
            }
        });
        return choice;
    }

    private Div progressForm(Actor actor, Unit unit, ItemProgress progress) {
        YearMonth now = YearMonth.now(CHINA);
        TextField period = new TextField(getTranslation("item.period"));
        period.setId("period");
        period.setValue((now.getYear() == year ? now : YearMonth.of(year, 12)).toString());
        Map<Long, BigDecimalField> values = new LinkedHashMap<>();
        FormLayout form = new FormLayout(period);
        for (TargetState state : progress.targets()) {
            BigDecimalField field = new BigDecimalField(state.target().subject() + "（" + state.target().unit() + "）");
            field.setId("actual-" + state.target().id());
            values.put(state.target().id(), field);
            form.add(field);
        }
        TextArea narrative = new TextArea(getTranslation("item.narrative"));
        narrative.setId("narrative");
        form.add(narrative);
        Button submit = new Button(getTranslation("item.submit-progress"), e -> {
            List<ValueEntry> entries = new ArrayList<>();
            values.forEach((id, f) -> {
                if (f.getValue() != null) {
                    entries.add(new ValueEntry(id, f.getValue()));
                }
            });
            act(() -> workflow.report(actor, item.item().id(), new ProgressEntry(unit.id(), period.getValue(),
                    narrative.getValue(), entries, null), ip()), actor, unit);
        });
        submit.setId("submit-progress");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(new H3(getTranslation("item.progress")), form, submit);
    }

    private Div reviewForm(Actor actor, Unit unit) {
        BigDecimalField score = new BigDecimalField(getTranslation("item.score", item.item().points().stripTrailingZeros().toPlainString()));
        score.setId("review-score");
        TextField comment = new TextField(getTranslation("item.comment"));
        comment.setId("review-comment");
        Button submit = new Button(getTranslation("item.submit-review"), e -> act(() -> workflow.review(actor, item.item().id(),
                new ReviewEntry(unit.id(), score.getValue(), comment.getValue()), ip()), actor, unit));
        submit.setId("submit-review");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(new H3(getTranslation("item.review")), new FormLayout(score, comment), submit);
    }

    private Div deductionForm(Actor actor, Unit unit) {
        ComboBox<DeductionRule> rule = new ComboBox<>(getTranslation("item.rule"), item.deductionRules());
        rule.setId("deduction-rule");
        rule.setItemLabelGenerator(r -> r.description() + "：每次扣" + r.pointsPerOccurrence().stripTrailingZeros().toPlainString() + "分");
        IntegerField occurrences = new IntegerField(getTranslation("item.occurrences"));
        occurrences.setId("deduction-occurrences");
        BigDecimalField points = new BigDecimalField(getTranslation("item.deduction-points"));
        points.setId("deduction-points");
        TextField reason = new TextField(getTranslation("item.reason"));
        reason.setId("deduction-reason");
        Button submit = new Button(getTranslation("item.submit-deduction"), e -> act(() -> workflow.deduct(actor, item.item().id(),
                new DeductionEntry(unit.id(), rule.getValue() == null ? null : rule.getValue().id(), occurrences.getValue(),
                        rule.getValue() == null ? points.getValue() : null, reason.getValue()), ip()), actor, unit));
        submit.setId("submit-deduction");
        return new Div(new H3(getTranslation("item.deduction")), new FormLayout(rule, occurrences, points, reason), submit);
    }

    private void act(Runnable action, Actor actor, Unit unit) {
        try {
            action.run();
            Notification.show(getTranslation("action.saved"));
            Long ownUnit = actor.userId() == null ? null : users.get(actor.bureau(), actor.userId()).unitId();
            render(actor, unit, ownUnit);
        } catch (ApiProblem problem) {
            error.setText(problem.fullDetail(UI.getCurrent().getLocale()));
        }
    }

    private String requirement(Target t) {
        return t.subject() + " " + t.comparator().symbol() + " "
                + (t.value() == null ? "?" : t.value().stripTrailingZeros().toPlainString()) + t.unit()
                + (t.deadlineMonth() == null ? "" : "（" + t.deadlineMonth() + "月" + (t.deadlineDay() == null ? "底" : t.deadlineDay() + "日") + "前）");
    }

    private static String ip() {
        return VaadinRequest.getCurrent().getRemoteAddr();
    }

    /** Points as people write them, or 不计分 for an unscored plan item. */
    private String pointsText(BigDecimal points) {
        return points == null ? getTranslation("plan.unscored") : points.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
