package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;

/**
 * One case ({@code cases/:id}): the pass, its judgement and the fine; supervisors and the
 * bureau's administrator move it on: 审核 → 决定处罚 (with the fine) → 结案. A case of another
 * bureau, or none, reads as the platform's not-found page.
 */
public class CaseView extends VerticalLayout implements BeforeEnterObserver {

    private final ModuleViewContext view;
    private final OverloadServices services;
    private long id;

    public CaseView(ModuleViewContext view) {
        this.view = view;
        this.services = OverloadServices.of(view.module());
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Cases.Case c;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            c = services.cases.get(view.bureau(), id);
        } catch (NumberFormatException | ModuleProblem e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(c);
    }

    private void show(Cases.Case c) {
        removeAll();
        Anchor back = new Anchor(view.module().viewRoute("cases"), view.text("← 返回案件列表", "← Back to the cases"));
        back.setId("oe-case-back");
        back.getElement().setAttribute("router-link", true);
        H2 title = new H2(view.text("治超案件 ", "Case ") + c.id() + " · " + c.plate());
        title.setId("oe-case-title");
        Span status = new Span(Ui.status(view, c.status()));
        status.setId("oe-case-status");
        status.getStyle().set("font-weight", "bold");

        FormLayout details = new FormLayout();
        details.setId("oe-case-details");
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        details.addFormItem(status, view.text("状态", "Status"));
        details.addFormItem(text(c.plate() + (c.plateColour() == null ? "" : "（" + c.plateColour() + "）")),
                view.text("车牌号", "Plate"));
        details.addFormItem(text(Ui.time(c.detectedAt())), view.text("过车时间", "Passed at"));
        details.addFormItem(text(c.site() + " / " + c.lane()), view.text("执法点 / 车道", "Site / lane"));
        details.addFormItem(text(c.recordId()), view.text("记录编号", "Record"));
        details.addFormItem(text(String.valueOf(c.axles())), view.text("轴数", "Axles"));
        details.addFormItem(text(Ui.number(c.grossKg()) + " kg"), view.text("总重", "Gross mass"));
        details.addFormItem(text(Ui.number(c.limitKg()) + " kg"), view.text("限值", "Limit"));
        details.addFormItem(text(Ui.number(c.overKg()) + " kg（" + Ui.percent(c.overPercent()) + "）"),
                view.text("超限", "Over"));
        Span fine = text(Ui.number(c.fineYuan()) + view.text(" 元", " yuan"));
        fine.setId("oe-case-fine-amount");
        details.addFormItem(fine, view.text("罚款", "Fine"));
        String flags = (c.doubleLimit() ? view.text("超限100%以上 ", "100 % or more over ") : "")
                + (c.hundredTonne() ? view.text("百吨王", "100 t or more") : "");
        details.addFormItem(text(flags.isBlank() ? "—" : flags.strip()), view.text("标记", "Flags"));
        details.addFormItem(text(c.decidedBy() == null ? "—" : c.decidedBy()), view.text("决定人", "Decided by"));
        details.addFormItem(text(c.note() == null ? "—" : c.note()), view.text("备注", "Note"));

        add(back, title, details);
        if (Ui.hasAny(view, Ui.SUPERVISOR, Ui.ADMIN) && c.status() != Cases.Status.CLOSED) {
            add(workflow(c));
        }
    }

    private Component workflow(Cases.Case c) {
        Div error = Ui.errorLine("oe-case-error");
        TextField note = new TextField(view.text("备注", "Note"));
        note.setId("oe-case-note");
        note.setWidth("24em");
        HorizontalLayout row = new HorizontalLayout();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        switch (c.status()) {
            case DETECTED -> row.add(note, step("oe-case-review", view.text("审核", "Review"),
                    () -> move(Cases.Status.REVIEWED, null, note.getValue(), error)));
            case REVIEWED -> {
                IntegerField amount = new IntegerField(view.text("罚款（元）", "Fine (yuan)"));
                amount.setId("oe-case-fine");
                amount.setMin(0);
                amount.setMax(Judgement.fine(c.overKg()));
                amount.setValue(c.fineYuan());
                amount.setHelperText(view.text("0 至 " + Ui.number(Judgement.fine(c.overKg())) + " 元",
                        "0 to " + Ui.number(Judgement.fine(c.overKg())) + " yuan"));
                row.add(amount, note, step("oe-case-decide", view.text("决定处罚", "Decide the penalty"), () -> {
                    if (amount.isInvalid() && amount.getValue() == null) {
                        error.setText(view.text("罚款应为整数（元）", "The fine is a whole number of yuan"));
                        return;
                    }
                    move(Cases.Status.PENALTY_DECIDED, amount.getValue(), note.getValue(), error);
                }));
            }
            case PENALTY_DECIDED -> row.add(note, step("oe-case-close", view.text("结案", "Close"),
                    () -> move(Cases.Status.CLOSED, null, note.getValue(), error)));
            default -> {
            }
        }
        VerticalLayout box = new VerticalLayout(row, error);
        box.setId("oe-case-workflow");
        box.setPadding(false);
        return box;
    }

    private Button step(String id, String label, Runnable action) {
        Button b = new Button(label, e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    private void move(Cases.Status to, Integer fine, String note, Div error) {
        try {
            Cases.Case moved = services.advance(view.bureau(), id, to, view.user(), fine,
                    note == null || note.isBlank() ? null : note.strip());
            show(moved);
            Notification.show(view.text("案件已" + Ui.status(view, to).replaceFirst("^已", ""), "Case " + Ui.status(view, to).toLowerCase()));
        } catch (ModuleProblem problem) {
            error.setText(Ui.message(view, problem));
        }
    }

    private static Span text(String s) {
        return new Span(s);
    }
}
