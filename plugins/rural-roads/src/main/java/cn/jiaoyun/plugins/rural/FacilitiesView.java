package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import java.util.HashMap;
import java.util.Map;

/**
 * 港湾式停靠站 and 农村物流服务点: the two registers with a count of each, and forms for
 * administrators and reporters to add a stop or a point with the day it was built or opened.
 */
public class FacilitiesView extends VerticalLayout {

    private final ModuleViewContext view;
    private final RuralServices services;
    private final Grid<Facilities.BayStop> stops = new Grid<>();
    private final Grid<Facilities.LogisticsPoint> points = new Grid<>();
    private final H3 stopsTitle = new H3();
    private final H3 pointsTitle = new H3();

    public FacilitiesView(ModuleViewContext view) {
        this.view = view;
        this.services = RuralServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("港湾式停靠站与农村物流服务点", "Bay stops and rural logistics points"));
        title.setId("rr-facilities-title");
        boolean writes = Ui.hasAny(view, RuralRoadsModule.ADMIN, RuralRoadsModule.REPORTER);

        stops.setId("rr-bay-stops");
        stops.addColumn(s -> s.town() == null ? "" : s.town()).setHeader(view.text("乡镇", "Town")).setAutoWidth(true);
        stops.addColumn(Facilities.BayStop::routeCode).setHeader(view.text("路线编号", "Route")).setAutoWidth(true);
        stops.addColumn(Facilities.BayStop::location).setHeader(view.text("位置", "Location")).setAutoWidth(true).setFlexGrow(1);
        stops.addColumn(s -> Ui.date(s.builtOn())).setHeader(view.text("建成日期", "Built on")).setAutoWidth(true);
        stops.addColumn(s -> s.source() == null ? "" : s.source()).setHeader(view.text("来源", "Source")).setAutoWidth(true);
        stops.setAllRowsVisible(true);
        stopsTitle.setId("rr-bay-stops-title");
        add(title, stopsTitle, stops);
        if (writes) {
            add(stopForm());
        }

        points.setId("rr-logistics-points");
        points.addColumn(Facilities.LogisticsPoint::name).setHeader(view.text("名称", "Name")).setAutoWidth(true).setFlexGrow(1);
        points.addColumn(p -> Ui.label(view, Labels.LOGISTICS_LEVELS, p.level())).setHeader(view.text("级别", "Level")).setAutoWidth(true);
        points.addColumn(p -> (p.town() == null ? "" : p.town()) + (p.village() == null ? "" : " " + p.village()))
                .setHeader(view.text("乡镇、村", "Town, village")).setAutoWidth(true);
        points.addColumn(p -> Ui.date(p.openedOn())).setHeader(view.text("启用日期", "Opened on")).setAutoWidth(true);
        points.addColumn(p -> Ui.label(view, Labels.POINT_STATUSES, p.status()) + (p.closedOn() == null ? "" : " " + Ui.date(p.closedOn())))
                .setHeader(view.text("状态", "Status")).setAutoWidth(true);
        points.setAllRowsVisible(true);
        pointsTitle.setId("rr-logistics-points-title");
        add(pointsTitle, points);
        if (writes) {
            add(pointForm());
        }
        refresh();
    }

    private VerticalLayout stopForm() {
        TextField town = new TextField(view.text("乡镇", "Town"));
        town.setId("rr-stop-town");
        TextField route = new TextField(view.text("路线编号", "Route"));
        route.setId("rr-stop-route");
        TextField location = new TextField(view.text("位置（桩号或村名）", "Location"));
        location.setId("rr-stop-location");
        DatePicker built = Ui.datePicker(view, view.text("建成日期", "Built on"), "rr-stop-built");
        Div error = Ui.errorLine("rr-stop-error");
        Button add = new Button(view.text("登记停靠站", "Register the stop"), e -> save(error, () -> {
            Map<String, Object> body = new HashMap<>();
            body.put("town", town.getValue());
            body.put("routeCode", route.getValue());
            body.put("location", location.getValue());
            body.put("builtOn", built.getValue() == null ? null : built.getValue().toString());
            services.registerChanged(view.bureau(), services.facilities.addBayStop(view.bureau(), body));
            location.clear();
        }));
        add.setId("rr-stop-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(Ui.row(town, route, location, built, add), error);
        form.setPadding(false);
        return form;
    }

    private VerticalLayout pointForm() {
        TextField name = new TextField(view.text("名称", "Name"));
        name.setId("rr-point-name");
        name.setWidth("16em");
        Select<String> level = Ui.codes(view, Labels.LOGISTICS_LEVELS, view.text("级别", "Level"), "rr-point-level");
        TextField town = new TextField(view.text("乡镇", "Town"));
        town.setId("rr-point-town");
        TextField village = new TextField(view.text("村", "Village"));
        village.setId("rr-point-village");
        DatePicker opened = Ui.datePicker(view, view.text("启用日期", "Opened on"), "rr-point-opened");
        Div error = Ui.errorLine("rr-point-error");
        Button add = new Button(view.text("登记服务点", "Register the point"), e -> save(error, () -> {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name.getValue());
            body.put("level", level.getValue());
            body.put("town", town.getValue());
            body.put("village", village.getValue());
            body.put("openedOn", opened.getValue() == null ? null : opened.getValue().toString());
            services.registerChanged(view.bureau(), services.facilities.addLogisticsPoint(view.bureau(), body));
            name.clear();
        }));
        add.setId("rr-point-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(Ui.row(name, level, town, village, opened, add), error);
        form.setPadding(false);
        return form;
    }

    private void save(Div error, Runnable change) {
        error.setText("");
        try {
            change.run();
            refresh();
            Notification.show(view.text("已登记", "Registered"));
        } catch (ModuleProblem problem) {
            error.setText(Ui.message(view, problem));
        }
    }

    private void refresh() {
        var s = services.facilities.bayStops(view.bureau());
        stops.setItems(s);
        stopsTitle.setText(view.text("港湾式停靠站（共 " + s.size() + " 个）", "Bay stops (" + s.size() + ")"));
        var p = services.facilities.logisticsPoints(view.bureau());
        points.setItems(p);
        long open = p.stream().filter(x -> "IN_SERVICE".equals(x.status())).count();
        pointsTitle.setText(view.text("农村物流服务点（共 " + p.size() + " 个，运营中 " + open + " 个）",
                "Rural logistics points (" + p.size() + ", " + open + " in service)"));
    }
}
