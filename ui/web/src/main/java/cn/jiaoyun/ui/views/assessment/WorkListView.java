package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemSummary;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListDetail;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.micronaut.context.annotation.Prototype;

/** One work list: its items with points, supervising departments and targets. */
@Route(value = "worklists/:id", layout = MainLayout.class)
@Prototype
public class WorkListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkListService worklists;
    private String title = "";

    public WorkListView(WorkListService worklists) {
        this.worklists = worklists;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            WorkListDetail detail = worklists.list(UiSession.require().bureau(), id);
            title = String.join("、", detail.list().units()) + " · " + detail.list().year();
            H2 heading = new H2(getTranslation("worklist.kind." + detail.list().kind().name()) + " · " + title);
            heading.setId("worklist-title");
            Grid<ItemSummary> grid = new Grid<>();
            grid.setId("items");
            grid.addColumn(ItemSummary::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(ItemSummary::title).setHeader(getTranslation("item.title")).setAutoWidth(true);
            grid.addColumn(i -> i.points().stripTrailingZeros().toPlainString()).setHeader(getTranslation("worklist.points")).setAutoWidth(true);
            grid.addColumn(i -> String.join("、", i.departments())).setHeader(getTranslation("item.departments"));
            grid.addColumn(ItemSummary::targets).setHeader(getTranslation("item.targets")).setAutoWidth(true);
            grid.setItems(detail.items());
            grid.setAllRowsVisible(true);
            grid.addItemClickListener(e -> UI.getCurrent().navigate(ItemView.class,
                    new RouteParameters("id", String.valueOf(e.getItem().id()))));
            add(heading, new Paragraph(getTranslation("worklist.import.list-line", String.join("、", detail.list().units()),
                    detail.list().items(), detail.list().points().stripTrailingZeros().toPlainString())), grid);
        } catch (ApiProblem | NumberFormatException notFound) {
            title = getTranslation("error.not-found.title");
            Div message = new Div(getTranslation("error.not-found.text"));
            message.setId("not-found");
            add(new H2(title), message);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
