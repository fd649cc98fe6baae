package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * 港口与泊位: the bureau's ports (with their opening dates), operating areas and berths with
 * tonnage class, design capacity and status. Administrators add ports, areas and berths; a
 * port's opening date decides from which month its areas must report.
 */
public class PortsView extends VerticalLayout {

    /** A row of the berths table: a berth, or an area without berths yet. */
    record Row(Ports.Port port, Ports.Area area, Ports.Berth berth) {
    }

    private final ModuleViewContext view;
    private final PortServices services;
    private final Grid<Row> grid = new Grid<>();
    private final Select<Ports.Port> areaPort = new Select<>();
    private final Select<Ports.AreaRef> berthArea = new Select<>();

    public PortsView(ModuleViewContext view) {
        this.view = view;
        this.services = PortServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("港口与泊位", "Ports and berths"));
        title.setId("pt-ports-title");
        grid.setId("pt-berths");
        grid.addColumn(r -> r.port().name()).setHeader(view.text("港口", "Port")).setAutoWidth(true);
        grid.addColumn(r -> r.port().openedOn() == null ? "" : r.port().openedOn().toString())
                .setHeader(view.text("开港日期", "Opened")).setAutoWidth(true);
        grid.addColumn(r -> r.area() == null ? "" : r.area().name()).setHeader(view.text("作业区", "Area")).setAutoWidth(true);
        grid.addColumn(r -> r.berth() == null ? "" : r.berth().name()).setHeader(view.text("泊位", "Berth")).setAutoWidth(true);
        grid.addColumn(r -> r.berth() == null || r.berth().tonnageClass() == null ? "" : r.berth().tonnageClass())
                .setHeader(view.text("吨级", "Tonnage class")).setAutoWidth(true);
        grid.addColumn(r -> r.berth() == null ? "" : Ui.figure(r.berth().capacityWanTonnes(), "万吨"))
                .setHeader(view.text("设计通过能力（万吨/年）", "Capacity (10k t/yr)")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.berth() == null || r.berth().capacityTeu() == null ? ""
                        : Ui.figure(BigDecimal.valueOf(r.berth().capacityTeu()), "TEU"))
                .setHeader(view.text("设计通过能力（TEU/年）", "Capacity (TEU/yr)")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.berth() == null ? "" : Ui.label(view, r.berth().status())).setHeader(view.text("状态", "Status"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(view.text("尚未登记港口", "No ports yet"));
        add(title, grid);
        if (view.user().hasRole(PortModule.ADMIN)) {
            add(forms());
        }
        refresh();
    }

    private Component forms() {
        TextField portName = new TextField(view.text("港口名称", "Port name"));
        portName.setId("pt-port-name");
        TextField opened = new TextField(view.text("开港日期", "Opened on"));
        opened.setId("pt-port-opened");
        opened.setPlaceholder("2023-06-30");
        Div portError = Ui.errorLine("pt-port-error");
        Button addPort = button("新增港口", "Add port", "pt-port-add", portError, () -> {
            Map<String, Object> body = new HashMap<>();
            body.put("name", portName.getValue());
            body.put("openedOn", opened.getValue());
            services.ports.createPort(view.bureau(), body);
            portName.clear();
            opened.clear();
        });

        areaPort.setId("pt-area-port");
        areaPort.setLabel(view.text("港口", "Port"));
        areaPort.setItemLabelGenerator(Ports.Port::name);
        TextField areaName = new TextField(view.text("作业区名称", "Area name"));
        areaName.setId("pt-area-name");
        Div areaError = Ui.errorLine("pt-area-error");
        Button addArea = button("新增作业区", "Add area", "pt-area-add", areaError, () -> {
            if (areaPort.getValue() == null) {
                throw ModuleProblem.badInput("port", "请先选择港口", "Choose the port first");
            }
            services.ports.createArea(view.bureau(), areaPort.getValue().id(), Map.of("name", areaName.getValue()));
            services.republishAll(view.bureau());
            areaName.clear();
        });

        berthArea.setId("pt-berth-area");
        berthArea.setLabel(view.text("作业区", "Area"));
        berthArea.setItemLabelGenerator(Ports.AreaRef::label);
        TextField berthName = new TextField(view.text("泊位名称", "Berth"));
        berthName.setId("pt-berth-name");
        TextField tonnage = new TextField(view.text("吨级", "Tonnage class"));
        tonnage.setId("pt-berth-tonnage");
        tonnage.setPlaceholder("1000吨级");
        BigDecimalField capacity = new BigDecimalField(view.text("设计通过能力（万吨/年）", "Capacity (10k t/yr)"));
        capacity.setId("pt-berth-capacity");
        Select<BerthStatus> status = new Select<>();
        status.setId("pt-berth-status");
        status.setLabel(view.text("状态", "Status"));
        status.setItems(BerthStatus.values());
        status.setItemLabelGenerator(s -> Ui.label(view, s));
        status.setValue(BerthStatus.IN_SERVICE);
        Div berthError = Ui.errorLine("pt-berth-error");
        Button addBerth = button("新增泊位", "Add berth", "pt-berth-add", berthError, () -> {
            if (berthArea.getValue() == null) {
                throw ModuleProblem.badInput("area", "请先选择作业区", "Choose the area first");
            }
            Map<String, Object> body = new HashMap<>();
            body.put("name", berthName.getValue());
            body.put("tonnageClass", tonnage.getValue());
            body.put("capacityWanTonnes", capacity.getValue());
            body.put("status", status.getValue() == null ? null : status.getValue().name());
            services.ports.createBerth(view.bureau(), berthArea.getValue().id(), body);
            berthName.clear();
        });
        return new VerticalLayout(
                new H3(view.text("新增港口", "Add a port")), row(portName, opened, addPort), portError,
                new H3(view.text("新增作业区", "Add an operating area")), row(areaPort, areaName, addArea), areaError,
                new H3(view.text("新增泊位", "Add a berth")), row(berthArea, berthName, tonnage, capacity, status, addBerth), berthError);
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** A button that runs {@code action}, shows a mistake under its form and refreshes the table. */
    private Button button(String zh, String en, String id, Div error, Runnable action) {
        Button b = new Button(view.text(zh, en), e -> {
            error.setText("");
            try {
                action.run();
                refresh();
            } catch (ModuleProblem problem) {
                error.setText(Ui.message(view, problem));
            }
        });
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    private void refresh() {
        List<Ports.Port> ports = services.ports.list(view.bureau());
        List<Row> rows = new ArrayList<>();
        for (Ports.Port p : ports) {
            if (p.areas().isEmpty()) {
                rows.add(new Row(p, null, null));
            }
            for (Ports.Area a : p.areas()) {
                if (a.berths().isEmpty()) {
                    rows.add(new Row(p, a, null));
                }
                a.berths().forEach(b -> rows.add(new Row(p, a, b)));
            }
        }
        grid.setItems(rows);
        areaPort.setItems(ports);
        berthArea.setItems(services.ports.areas(view.bureau()));
    }
}
