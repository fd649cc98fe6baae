package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * 超限标准与设置: the legal gross-mass limits every bureau judges by (the module's versioned
 * reference table) and the bureau's own settings, the weighing devices' tolerance and the 百吨王
 * threshold, which its administrator may change.
 */
public class RulesView extends VerticalLayout {

    private final ModuleViewContext view;
    private final OverloadServices services;

    public RulesView(ModuleViewContext view) {
        this.view = view;
        this.services = OverloadServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("超限标准与设置", "Limits and settings"));
        title.setId("oe-rules-title");

        Grid<GrossLimits.Limit> limits = new Grid<>();
        limits.setId("oe-limits");
        limits.addColumn(GrossLimits.Limit::note).setHeader(view.text("车型", "Vehicle")).setAutoWidth(true).setFlexGrow(1);
        limits.addColumn(GrossLimits.Limit::axles).setHeader(view.text("轴数", "Axles")).setAutoWidth(true);
        limits.addColumn(l -> Ui.number(l.limitKg()) + " kg").setHeader(view.text("车货总质量限值", "Gross-mass limit"))
                .setAutoWidth(true);
        limits.setItems(GrossLimits.table(services.context.data()));
        limits.setAllRowsVisible(true);
        Div source = new Div(view.text("依据：", "Source: ") + GrossLimits.RULES + view.text("；模块版本 ", "; module version ")
                + view.module().version());
        source.setId("oe-limits-source");

        add(title, new H3(view.text("车货总质量限值", "Gross-mass limits")), limits, source, settings());
    }

    private VerticalLayout settings() {
        PassIngest.Settings current = services.ingest.settings(view.bureau());
        BigDecimalField tolerance = new BigDecimalField(view.text("称重允许误差（%）", "Weighing tolerance (%)"));
        tolerance.setId("oe-tolerance");
        tolerance.setWidth("12em");
        tolerance.setValue(current.tolerancePercent());
        IntegerField hundred = new IntegerField(view.text("百吨王阈值（千克）", "“100-tonne king” threshold (kg)"));
        hundred.setId("oe-hundred-tonne");
        hundred.setValue(current.hundredTonneKg());
        boolean admin = view.user().hasRole(Ui.ADMIN);
        tolerance.setReadOnly(!admin);
        hundred.setReadOnly(!admin);
        Div error = new Div();
        error.setId("oe-settings-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout fields = new HorizontalLayout(tolerance, hundred);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (admin) {
            Button save = new Button(view.text("保存设置", "Save settings"), e -> {
                error.setText("");
                try {
                    services.ingest.saveSettings(view.bureau(), tolerance.getValue(), hundred.getValue());
                    Notification.show(view.text("设置已保存，此后导入的记录按新设置研判", "Saved; records imported from now on are judged by it"));
                } catch (ModuleProblem problem) {
                    error.setText(Ui.message(view, problem));
                }
            });
            save.setId("oe-settings-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            fields.add(save);
        }
        VerticalLayout part = new VerticalLayout(new H3(view.text("本局研判设置", "The bureau's judgement settings")),
                fields, error);
        part.setPadding(false);
        return part;
    }
}
