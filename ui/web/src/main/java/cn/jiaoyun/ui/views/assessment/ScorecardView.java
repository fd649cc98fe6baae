package cn.jiaoyun.ui.views.assessment;

import cn.jiaoyun.core.assessment.AssessmentWorkflow;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.assessment.WorkflowViews.ScorecardRow;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.ui.session.UiSession;
import cn.jiaoyun.ui.views.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;

/** The units' scorecards of a year and their ranking, exportable to Excel. */
@Route(value = "scorecards", layout = MainLayout.class)
@Prototype
public class ScorecardView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public ScorecardView(AssessmentWorkflow workflow, WorkListService worklists) {
        Actor actor = UiSession.require();
        IntegerField year = new IntegerField(getTranslation("assessment.year"));
        year.setId("year");
        year.setStepButtonsVisible(true);
        year.setValue(worklists.latestYear(actor.bureau()).orElse(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()));
        Grid<ScorecardRow> grid = new Grid<>();
        grid.setId("scorecards");
        grid.addColumn(ScorecardRow::rank).setHeader(getTranslation("score.rank")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ScorecardRow::unitName).setHeader(getTranslation("score.unit")).setAutoWidth(true);
        grid.addColumn(r -> plain(r.maxPoints())).setHeader(getTranslation("score.max"));
        grid.addColumn(r -> plain(r.reviewed())).setHeader(getTranslation("score.reviewed"));
        grid.addColumn(r -> plain(r.deducted())).setHeader(getTranslation("score.deducted"));
        grid.addColumn(r -> plain(r.total())).setHeader(getTranslation("score.total"));
        grid.addColumn(r -> r.itemsReviewed() + " / " + r.items()).setHeader(getTranslation("score.items-reviewed"));
        grid.setAllRowsVisible(true);
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = workflow.scorecardWorkbook(actor.bureau(), year.getValue());
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "scorecards-" + year.getValue() + ".xlsx", XLSX, xlsx.length);
        }), getTranslation("score.export"));
        export.setId("export-xlsx");
        year.addValueChangeListener(e -> grid.setItems(workflow.scorecards(actor.bureau(), year.getValue())));
        grid.setItems(workflow.scorecards(actor.bureau(), year.getValue()));
        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("score.title")), year, export);
        bar.setAlignItems(Alignment.BASELINE);
        add(bar, grid);
    }

    private static String plain(java.math.BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("score.title") + " · " + getTranslation("app.name");
    }
}
