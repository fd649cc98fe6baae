package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemSummary;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.ItemContentSync;
import cn.jiaoyun.core.assessment.WorkListChanges.ItemOrder;
import cn.jiaoyun.core.assessment.WorkListEditing;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import io.micronaut.context.annotation.Prototype;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One work list: its items with points, supervising departments and targets, and its total against
 * what the bureau expects. The bureau administrator adds, edits, reorders and removes items here.
 */
@Route(value = "worklists/:id", layout = MainLayout.class)
@Prototype
public class WorkListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkListService worklists;
    private final WorkListEditing editing;
    private final ItemContentSync reading;
    private final BureauService bureaus;
    private final Div error = new Div();
    private String title = "";
    private long listId;

    public WorkListView(WorkListService worklists, WorkListEditing editing, ItemContentSync reading,
                        BureauService bureaus) {
        this.worklists = worklists;
        this.editing = editing;
        this.reading = reading;
        this.bureaus = bureaus;
        error.setId("worklist-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            listId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            render();
        } catch (ApiProblem | NumberFormatException notFound) {
            removeAll();
            title = getTranslation("error.not-found.title");
            Div message = new Div(getTranslation("error.not-found.text"));
            message.setId("not-found");
            add(new H2(title), message);
        }
    }

    private void render() {
        removeAll();
        Actor actor = UiSession.require();
        boolean admin = actor.has(Role.BUREAU_ADMIN);
        WorkListDetail detail = worklists.list(actor.bureau(), listId);
        WorkListSummary list = detail.list();
        title = String.join("、", list.units()) + " · " + list.year();
        H2 heading = new H2(getTranslation("worklist.kind." + list.kind().name()) + " · " + title);
        heading.setId("worklist-title");
        Div name = new Div(list.title());
        name.setId("worklist-name");
        Div total = new Div(totalLine(list));
        total.setId("worklist-total");
        if (list.expectedPoints() != null && list.points().compareTo(list.expectedPoints()) != 0) {
            total.getStyle().set("color", "var(--lumo-warning-text-color, #b26b00)");
        }

        Grid<ItemSummary> grid = new Grid<>();
        grid.setId("items");
        grid.addColumn(ItemSummary::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ItemSummary::title).setHeader(getTranslation("item.title")).setAutoWidth(true);
        grid.addColumn(i -> plain(i.points())).setHeader(getTranslation("worklist.points")).setAutoWidth(true);
        grid.addColumn(i -> String.join("、", i.departments())).setHeader(getTranslation("item.departments"));
        grid.addColumn(ItemSummary::targets).setHeader(getTranslation("item.targets")).setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(i -> itemActions(actor, detail.items(), i)).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(detail.items());
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(ItemView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id()))));
        add(heading, name, total, error);
        if (admin) {
            add(listActions(actor, list));
        }
        add(grid);
    }

    private String totalLine(WorkListSummary list) {
        if (list.expectedPoints() == null) {
            return getTranslation("worklist.total.no-expected", list.items(), plain(list.points()));
        }
        BigDecimal gap = list.expectedPoints().subtract(list.points());
        String line = getTranslation("worklist.total", list.items(), plain(list.points()), plain(list.expectedPoints()));
        if (gap.signum() > 0) {
            line += getTranslation("worklist.total.short", plain(gap));
        } else if (gap.signum() < 0) {
            line += getTranslation("worklist.total.over", plain(gap.negate()));
        }
        return line;
    }

    private HorizontalLayout listActions(Actor actor, WorkListSummary list) {
        List<Department> departments = bureaus.departments(actor.bureau()).stream().filter(Department::active).toList();
        Button add = new Button(getTranslation("item.add"), VaadinIcon.PLUS.create(), e ->
                new ItemDialog(editing, reading, actor, listId, null, departments, saved -> {
                    render();
                    Notification.show(getTranslation("action.saved"));
                }).open());
        add.setId("add-item");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button edit = new Button(getTranslation("worklist.edit"), e -> ListDialog.edit(editing, actor, list,
                bureaus.units(actor.bureau()), saved -> render()).open());
        edit.setId("edit-list");
        Button delete = new Button(getTranslation("worklist.delete"), e -> {
            ConfirmDialog ask = new ConfirmDialog(getTranslation("worklist.delete"),
                    getTranslation("worklist.delete.ask", list.title()), getTranslation("worklist.delete"), ok -> {
                try {
                    editing.deleteList(actor, listId, ip());
                    UI.getCurrent().navigate(WorkListsView.class);
                } catch (ApiProblem problem) {
                    error.setText(problem.detail(UI.getCurrent().getLocale()));
                }
            });
            ask.setId("confirm-delete-list");
            ask.setCancelable(true);
            ask.setCancelText(getTranslation("action.cancel"));
            ask.setConfirmButtonTheme("error primary");
            ask.open();
        });
        delete.setId("delete-list");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(add, edit, delete);
    }

    private HorizontalLayout itemActions(Actor actor, List<ItemSummary> all, ItemSummary item) {
        int at = all.indexOf(item);
        Button up = small(VaadinIcon.ARROW_UP, "up-" + item.id(), getTranslation("item.up"), () -> move(actor, all, at, -1));
        up.setEnabled(at > 0);
        Button down = small(VaadinIcon.ARROW_DOWN, "down-" + item.id(), getTranslation("item.down"),
                () -> move(actor, all, at, 1));
        down.setEnabled(at < all.size() - 1);
        Button edit = small(VaadinIcon.EDIT, "edit-" + item.id(), getTranslation("item.edit"), () -> {
            List<Department> departments = bureaus.departments(actor.bureau()).stream().filter(Department::active).toList();
            new ItemDialog(editing, reading, actor, listId, worklists.item(actor.bureau(), item.id()), departments,
                    saved -> {
                        render();
                        Notification.show(getTranslation("action.saved"));
                    }).open();
        });
        Button remove = small(VaadinIcon.TRASH, "remove-" + item.id(), getTranslation("item.remove"), () -> {
            ConfirmDialog ask = new ConfirmDialog(getTranslation("item.remove"),
                    getTranslation("item.remove.ask", item.title()), getTranslation("item.remove"), ok -> {
                try {
                    editing.removeItem(actor, item.id(), ip());
                    render();
                } catch (ApiProblem problem) {
                    error.setText(problem.detail(UI.getCurrent().getLocale()));
                }
            });
            ask.setId("confirm-remove-item");
            ask.setCancelable(true);
            ask.setCancelText(getTranslation("action.cancel"));
            ask.setConfirmButtonTheme("error primary");
            ask.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(up, down, edit, remove);
        actions.setSpacing(false);
        return actions;
    }

    private void move(Actor actor, List<ItemSummary> all, int at, int by) {
        List<Long> order = new ArrayList<>(all.stream().map(ItemSummary::id).toList());
        Long moved = order.remove(at);
        order.add(at + by, moved);
        try {
            editing.reorder(actor, listId, new ItemOrder(order), ip());
            render();
        } catch (ApiProblem problem) {
            error.setText(problem.detail(UI.getCurrent().getLocale()));
        }
    }

    /** An icon button in a row; its click stays out of the row's own click (which opens the item). */
    private static Button small(VaadinIcon icon, String id, String label, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(label);
        b.setTooltipText(label);
        b.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
        return b;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String ip() {
        return VaadinRequest.getCurrent().getRemoteAddr();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
