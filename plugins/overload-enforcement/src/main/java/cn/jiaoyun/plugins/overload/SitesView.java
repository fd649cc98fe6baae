package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 治超执法点: the bureau's sites of non-site enforcement with their lanes; the bureau's
 * administrator adds sites and lanes here. Mistakes show the module's own message.
 */
public class SitesView extends VerticalLayout {

    private final ModuleViewContext view;
    private final OverloadServices services;
    private final Grid<Sites.Site> grid = new Grid<>();
    private final Select<Sites.Site> laneSite = new Select<>();

    public SitesView(ModuleViewContext view) {
        this.view = view;
        this.services = OverloadServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("治超执法点", "Enforcement sites"));
        title.setId("oe-sites-title");

        grid.setId("oe-sites");
        grid.addColumn(Sites.Site::code).setHeader(view.text("编号", "Code")).setAutoWidth(true);
        grid.addColumn(Sites.Site::name).setHeader(view.text("名称", "Name")).setAutoWidth(true);
        grid.addColumn(Sites.Site::road).setHeader(view.text("道路", "Road")).setAutoWidth(true);
        grid.addColumn(s -> Ui.roadClass(view, s.roadClass())).setHeader(view.text("道路等级", "Road class")).setAutoWidth(true);
        grid.addColumn(s -> Ui.date(s.commissionedOn())).setHeader(view.text("启用日期", "In service since")).setAutoWidth(true);
        grid.addColumn(s -> Ui.yesNo(view, s.online())).setHeader(view.text("在线", "Online")).setAutoWidth(true);
        grid.addColumn(this::lanes).setHeader(view.text("车道", "Lanes")).setAutoWidth(true).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(view.text("尚无执法点", "No sites yet"));

        add(title, grid);
        if (view.user().hasRole(Ui.ADMIN)) {
            add(siteForm(), laneForm());
        }
        refresh(null);
    }

    /** {@code 2 条：L1（上行）、L2（离线）}. */
    private String lanes(Sites.Site site) {
        if (site.lanes().isEmpty()) {
            return view.text("0 条", "none");
        }
        String list = site.lanes().stream().map(l -> l.code()
                        + (l.direction() == null ? "" : view.text("（" + l.direction() + "）", " (" + l.direction() + ")"))
                        + (l.online() ? "" : view.text("（离线）", " (offline)")))
                .collect(Collectors.joining(view.text("、", ", ")));
        return view.text(site.lanes().size() + " 条：", site.lanes().size() + ": ") + list;
    }

    private VerticalLayout siteForm() {
        TextField code = new TextField(view.text("编号", "Code"));
        code.setId("oe-site-code");
        code.setHelperText(view.text("字母、数字、- 或 _，如 GS1", "letters, digits, - or _, e.g. GS1"));
        TextField name = new TextField(view.text("名称", "Name"));
        name.setId("oe-site-name");
        TextField road = new TextField(view.text("道路", "Road"));
        road.setId("oe-site-road");
        road.setHelperText(view.text("如 G104", "e.g. G104"));
        RadioButtonGroup<String> roadClass = new RadioButtonGroup<>(view.text("道路等级", "Road class"));
        roadClass.setId("oe-site-class");
        roadClass.setItems("EXPRESSWAY", "ORDINARY");
        roadClass.setItemLabelGenerator(c -> Ui.roadClass(view, c));
        DatePicker commissioned = Ui.datePicker(view, view.text("启用日期", "In service since"), "oe-site-commissioned");
        Checkbox online = new Checkbox(view.text("在线", "Online"), true);
        online.setId("oe-site-online");
        var error = Ui.errorLine("oe-site-error");
        Button add = new Button(view.text("新增执法点", "Add site"), e -> {
            error.setText("");
            Map<String, Object> body = new HashMap<>();
            body.put("code", code.getValue());
            body.put("name", name.getValue());
            body.put("road", road.getValue());
            body.put("roadClass", roadClass.getValue());
            body.put("commissionedOn", commissioned.getValue() == null ? null : commissioned.getValue().toString());
            body.put("online", online.getValue());
            try {
                long id = services.sites.create(view.bureau(), body);
                code.clear();
                name.clear();
                road.clear();
                commissioned.clear();
                refresh(id);
                Notification.show(view.text("已新增执法点 ", "Site added: ") + body.get("code"));
            } catch (ModuleProblem problem) {
                error.setText(Ui.message(view, problem));
            }
        });
        add.setId("oe-site-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(code, name, road, roadClass, commissioned, online);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3(view.text("新增执法点", "Add a site")), fields, add, error);
        form.setId("oe-site-form");
        form.setPadding(false);
        return form;
    }

    private VerticalLayout laneForm() {
        laneSite.setLabel(view.text("执法点", "Site"));
        laneSite.setId("oe-lane-site");
        laneSite.setItemLabelGenerator(s -> s.code() + " " + s.name());
        TextField code = new TextField(view.text("车道编号", "Lane code"));
        code.setId("oe-lane-code");
        TextField direction = new TextField(view.text("方向", "Direction"));
        direction.setId("oe-lane-direction");
        direction.setHelperText(view.text("如 上行、下行", "e.g. northbound"));
        DatePicker commissioned = Ui.datePicker(view, view.text("启用日期", "In service since"), "oe-lane-commissioned");
        Checkbox online = new Checkbox(view.text("在线", "Online"), true);
        online.setId("oe-lane-online");
        var error = Ui.errorLine("oe-lane-error");
        Button add = new Button(view.text("新增车道", "Add lane"), e -> {
            error.setText("");
            if (laneSite.getValue() == null) {
                error.setText(view.text("请先选择执法点", "Choose the site first"));
                return;
            }
            Map<String, Object> body = new HashMap<>();
            body.put("code", code.getValue());
            body.put("direction", direction.getValue());
            body.put("commissionedOn", commissioned.getValue() == null ? null : commissioned.getValue().toString());
            body.put("online", online.getValue());
            try {
                long site = laneSite.getValue().id();
                services.sites.addLane(view.bureau(), site, body);
                code.clear();
                direction.clear();
                refresh(site);
                Notification.show(view.text("已新增车道 ", "Lane added: ") + body.get("code"));
            } catch (ModuleProblem problem) {
                error.setText(Ui.message(view, problem));
            }
        });
        add.setId("oe-lane-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(laneSite, code, direction, commissioned, online);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3(view.text("新增车道", "Add a lane")), fields, add, error);
        form.setId("oe-lane-form");
        form.setPadding(false);
        return form;
    }

    /** Reloads the sites; {@code select} (a site id, or null) becomes the lane form's site. */
    private void refresh(Long select) {
        List<Sites.Site> sites = services.sites.list(view.bureau());
        grid.setItems(sites);
        grid.recalculateColumnWidths(); // the lanes column grows as lanes are added
        Long keep = select != null ? select : laneSite.getValue() == null ? null : laneSite.getValue().id();
        laneSite.setItems(sites);
        sites.stream().filter(s -> keep != null && s.id() == keep).findFirst()
                .or(() -> sites.stream().findFirst()).ifPresent(laneSite::setValue);
    }
}
