package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 治超案件: the bureau's cases, newest first, filtered by status, loaded a page at a time; the
 * filtered list exports to Excel; a row opens the case ({@link CaseView}).
 */
public class CasesView extends VerticalLayout {

    private final ModuleViewContext view;
    private final OverloadServices services;
    private final Grid<Cases.Case> grid = new Grid<>();
    private final Map<Tab, Cases.Status> tabs = new LinkedHashMap<>();
    private final Tabs filter = new Tabs();
    private final Span count = new Span();
    /** The filter as the export reads it (the download runs outside the session's lock). */
    private volatile Cases.Status status;

    public CasesView(ModuleViewContext view) {
        this.view = view;
        this.services = OverloadServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("治超案件", "Overload cases"));
        title.setId("oe-cases-title");

        filter.setId("oe-case-filter");
        addTab(null);
        for (Cases.Status s : Cases.Status.values()) {
            addTab(s);
        }
        filter.addSelectedChangeListener(e -> {
            status = tabs.get(e.getSelectedTab());
            refresh();
        });

        Anchor export = new Anchor(exportHandler(), AttachmentType.DOWNLOAD, view.text("导出 Excel", "Export to Excel"));
        export.setId("oe-cases-export");
        export.getElement().insertChild(0, VaadinIcon.DOWNLOAD.create().getElement());
        count.setId("oe-cases-count");
        HorizontalLayout bar = new HorizontalLayout(filter, count, export);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();

        grid.setId("oe-cases");
        grid.addColumn(Cases.Case::id).setHeader(view.text("案件编号", "Case")).setAutoWidth(true);
        grid.addColumn(c -> Ui.status(view, c.status())).setHeader(view.text("状态", "Status")).setAutoWidth(true);
        grid.addColumn(c -> c.plate() + (c.plateColour() == null ? "" : "（" + c.plateColour() + "）"))
                .setHeader(view.text("车牌号", "Plate")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::flags)).setHeader(view.text("标记", "Flags")).setAutoWidth(true);
        grid.addColumn(c -> Ui.time(c.detectedAt())).setHeader(view.text("过车时间", "Passed at")).setAutoWidth(true);
        grid.addColumn(c -> c.site() + " / " + c.lane()).setHeader(view.text("执法点 / 车道", "Site / lane")).setAutoWidth(true);
        grid.addColumn(Cases.Case::axles).setHeader(view.text("轴数", "Axles")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> Ui.number(c.grossKg())).setHeader(view.text("总重(kg)", "Gross (kg)")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> Ui.number(c.limitKg())).setHeader(view.text("限值(kg)", "Limit (kg)")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> Ui.number(c.overKg())).setHeader(view.text("超限(kg)", "Over (kg)")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> Ui.percent(c.overPercent())).setHeader(view.text("超限率", "Over")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> Ui.number(c.fineYuan())).setHeader(view.text("罚款(元)", "Fine (yuan)")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(q -> services.cases.page(view.bureau(), status, q.getOffset(), q.getLimit()).stream(),
                q -> services.cases.count(view.bureau(), status));
        grid.setEmptyStateText(view.text("没有案件", "No cases"));
        grid.addItemClickListener(e -> UI.getCurrent().navigate(view.module().viewRoute("cases/" + e.getItem().id())));
        grid.setHeight("60vh");

        add(title, bar, grid);
        refresh();
    }

    private void addTab(Cases.Status s) {
        Tab tab = new Tab();
        tab.setId("oe-status-" + (s == null ? "ALL" : s.name()));
        tabs.put(tab, s);
        filter.add(tab);
    }

    private HorizontalLayout flags(Cases.Case c) {
        HorizontalLayout flags = new HorizontalLayout();
        flags.setSpacing(false);
        flags.getStyle().set("gap", "var(--lumo-space-xs)");
        if (c.doubleLimit()) {
            flags.add(badge(view.text("超限100%以上", "100 % or more over")));
        }
        if (c.hundredTonne()) {
            flags.add(badge(view.text("百吨王", "100 t or more")));
        }
        return flags;
    }

    private static Span badge(String text) {
        Span badge = new Span(text);
        badge.getStyle().set("color", "var(--lumo-error-text-color)").set("background", "var(--lumo-error-color-10pct)")
                .set("border-radius", "var(--lumo-border-radius-s)").set("padding", "0 var(--lumo-space-xs)")
                .set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap");
        return badge;
    }

    /** Reloads the list and the counts on the status tabs. */
    private void refresh() {
        int all = 0;
        for (Map.Entry<Tab, Cases.Status> e : tabs.entrySet()) {
            Cases.Status s = e.getValue();
            int n = services.cases.count(view.bureau(), s);
            if (s == null) {
                all = n;
            }
            String name = s == null ? view.text("全部", "All") : Ui.status(view, s);
            e.getKey().setLabel(name + view.text("（" + n + "）", " (" + n + ")"));
        }
        int shown = status == null ? all : services.cases.count(view.bureau(), status);
        count.setText(view.text("共 " + Ui.number(shown) + " 件", Ui.number(shown) + " cases"));
        grid.getDataProvider().refreshAll();
    }

    private DownloadHandler exportHandler() {
        return event -> {
            Cases.Status s = status;
            event.setFileName(CaseExport.fileName(s));
            event.setContentType(CaseExport.CONTENT_TYPE);
            services.export.write(view.bureau(), s, event.getOutputStream());
        };
    }
}
