package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.PlanService;
import cn.jiaoyun.core.assessment.PlanViews.PlanDetail;
import cn.jiaoyun.core.assessment.PlanViews.PlanItemView;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.context.annotation.Prototype;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A plan list: its sections and tasks as a tree, each with its points (不计分 when none) and its
 * owner. The administrator selects an item to name its owner, a unit or a department, and to
 * give it points or leave it unscored; a double click opens the item for progress reports.
 */
@Route(value = "plans/:id", layout = MainLayout.class)
@Prototype
public class PlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A choice of owner: a unit or a department of the bureau. */
    record Owner(Long unitId, Long departmentId, String label) {
    }

    private final PlanService plans;
    private final BureauService bureaus;
    private final TreeGrid<PlanItemView> grid = new TreeGrid<>();
    private final Div editor = new Div();
    private final Paragraph meta = new Paragraph();
    private String title = "";
    private long listId;

    public PlanView(PlanService plans, BureauService bureaus) {
        this.plans = plans;
        this.bureaus = bureaus;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Actor actor = UiSession.require();
        PlanDetail detail;
        try {
            listId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            detail = plans.plan(actor.bureau(), listId);
        } catch (ApiProblem | NumberFormatException notFound) {
            title = getTranslation("error.not-found.title");
            Div message = new Div(getTranslation("error.not-found.text"));
            message.setId("not-found");
            add(new H2(title), message);
            return;
        }
        title = detail.list().title();
        H2 heading = new H2(getTranslation("worklist.kind.PLAN") + " · " + title);
        heading.setId("plan-title");
        meta.setId("plan-meta");
        grid.setId("plan-items");
        grid.removeAllColumns();
        grid.addHierarchyColumn(i -> i.numbering() + " " + i.title()).setHeader(getTranslation("plan.item"))
                .setFlexGrow(4).setResizable(true).setSortable(false);
        grid.addColumn(i -> i.points() == null ? getTranslation("plan.unscored")
                : i.points().stripTrailingZeros().toPlainString()).setHeader(getTranslation("worklist.points"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.ownerName() == null ? getTranslation("plan.owner.none") : i.ownerName())
                .setHeader(getTranslation("plan.owner")).setAutoWidth(true);
        grid.addColumn(PlanItemView::targets).setHeader(getTranslation("item.targets")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addItemDoubleClickListener(e -> UI.getCurrent().navigate(ItemView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id()))));
        show(detail);
        editor.setId("plan-item-editor");
        add(heading, meta, new Paragraph(getTranslation("plan.hint")), grid);
        if (actor.has(Role.BUREAU_ADMIN)) {
            grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(i -> edit(actor, i),
                    editor::removeAll));
            add(editor);
        }
    }

    private void show(PlanDetail detail) {
        long scored = detail.items().stream().filter(i -> i.points() != null).count();
        meta.setText(getTranslation("plan.meta", String.valueOf(detail.list().year()), detail.items().size(), scored,
                detail.list().points().stripTrailingZeros().toPlainString()));
        Map<Long, List<PlanItemView>> children = new HashMap<>();
        List<PlanItemView> roots = new ArrayList<>();
        for (PlanItemView item : detail.items()) {
            if (item.parentId() == null) {
                roots.add(item);
            } else {
                children.computeIfAbsent(item.parentId(), p -> new ArrayList<>()).add(item);
            }
        }
        grid.setItems(roots, i -> children.getOrDefault(i.id(), List.of()));
        grid.expandRecursively(roots, 20);
    }

    private void edit(Actor actor, PlanItemView item) {
        editor.removeAll();
        Locale locale = UI.getCurrent().getLocale();
        Map<String, Owner> choices = new LinkedHashMap<>();
        for (Unit u : bureaus.units(actor.bureau())) {
            if (u.active()) {
                choices.put("u" + u.id(), new Owner(u.id(), null, getTranslation("plan.owner.unit", u.name())));
            }
        }
        for (Department d : bureaus.departments(actor.bureau())) {
            if (d.active()) {
                choices.put("d" + d.id(), new Owner(null, d.id(), getTranslation("plan.owner.department", d.name())));
            }
        }
        ComboBox<Owner> owner = new ComboBox<>(getTranslation("plan.owner"), choices.values());
        owner.setId("plan-owner");
        owner.setItemLabelGenerator(Owner::label);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder(getTranslation("plan.owner.none"));
        owner.setWidth("22rem");
        if (item.ownerUnitId() != null) {
            owner.setValue(choices.get("u" + item.ownerUnitId()));
        } else if (item.ownerDepartmentId() != null) {
            owner.setValue(choices.get("d" + item.ownerDepartmentId()));
        }
        BigDecimalField points = new BigDecimalField(getTranslation("worklist.points"));
        points.setId("plan-points");
        points.setPlaceholder(getTranslation("plan.unscored"));
        points.setHelperText(getTranslation("plan.points.help"));
        points.setValue(item.points());
        Button save = new Button(getTranslation("plan.save"), e -> {
            owner.setInvalid(false);
            points.setInvalid(false);
            String ip = VaadinRequest.getCurrent().getRemoteAddr();
            try {
                Owner chosen = owner.getValue();
                Map<String, Object> ownerBody = new HashMap<>();
                if (chosen != null && chosen.unitId() != null) {
                    ownerBody.put("unitId", chosen.unitId());
                } else if (chosen != null) {
                    ownerBody.put("departmentId", chosen.departmentId());
                }
                BigDecimal wanted = points.getValue();
                boolean samePoints = item.points() == null ? wanted == null
                        : wanted != null && item.points().compareTo(wanted) == 0;
                if (!samePoints) {
                    Map<String, Object> pointsBody = new HashMap<>();
                    pointsBody.put("points", wanted);
                    plans.setPoints(actor, item.id(), pointsBody, ip);
                }
                if (!Objects.equals(ownerKey(item), chosen == null ? null : ownerKey(chosen))) {
                    plans.setOwner(actor, item.id(), ownerBody, ip);
                }
                Notification.show(getTranslation("plan.saved"));
                show(plans.plan(actor.bureau(), listId));
                editor.removeAll();
            } catch (ApiProblem problem) {
                for (ApiProblem.FieldError error : problem.fieldErrors()) {
                    String message = ApiProblem.message(error, locale);
                    if (error.field().equals("points")) {
                        points.setErrorMessage(message);
                        points.setInvalid(true);
                    } else {
                        owner.setErrorMessage(message);
                        owner.setInvalid(true);
                    }
                }
                if (problem.fieldErrors().isEmpty()) {
                    Notification.show(problem.detail(locale));
                }
            }
        });
        save.setId("plan-item-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(owner, points, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        editor.add(new H3(item.numbering() + " " + item.title()), form);
    }

    private static String ownerKey(PlanItemView item) {
        return item.ownerUnitId() != null ? "u" + item.ownerUnitId()
                : item.ownerDepartmentId() != null ? "d" + item.ownerDepartmentId() : null;
    }

    private static String ownerKey(Owner owner) {
        return owner.unitId() != null ? "u" + owner.unitId() : "d" + owner.departmentId();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
