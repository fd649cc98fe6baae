package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 月度统计填报: one month's figures. Reporters and administrators enter a throughput line (an
 * area, cargo class, direction, 万吨 and TEU for containers; the same key replaces the line) and
 * the month's water transport; or upload the monthly statistics file (all or nothing, every bad
 * line listed with its row and column). The year's figures download in the file's own layout,
 * and the empty template with its instructions. Other roles read only.
 */
public class StatisticsView extends VerticalLayout {

    private final ModuleViewContext view;
    private final PortServices services;
    private final Select<YearMonth> month = new Select<>();
    private final Grid<MonthlyStatistics.Throughput> rows = new Grid<>();
    private final BigDecimalField freight = new BigDecimalField();
    private final BigDecimalField turnover = new BigDecimalField();
    private final BigDecimalField shift = new BigDecimalField();
    private final Div result = new Div();
    private final UnorderedList problems = new UnorderedList();
    private final Div entryError = Ui.errorLine("pt-entry-error");
    private final Anchor export = new Anchor();
    private MonthlyStatistics.Month shown;

    public StatisticsView(ModuleViewContext view) {
        this.view = view;
        this.services = PortServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("月度统计填报", "Monthly statistics"));
        title.setId("pt-statistics-title");
        YearMonth now = YearMonth.now(services.context.clock());
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = now; !m.isBefore(now.minusYears(3).withMonth(1)); m = m.minusMonths(1)) {
            months.add(m);
        }
        services.statistics.months(view.bureau()).stream().filter(m -> !months.contains(m)).forEach(months::add);
        months.sort(java.util.Comparator.reverseOrder());
        month.setId("pt-statistics-month");
        month.setLabel(view.text("月份", "Month"));
        month.setItems(months);
        month.setItemLabelGenerator(m -> Ui.month(view, m));
        export.setId("pt-export");
        Anchor template = new Anchor(download("港口月度统计模板.xlsx", services.workbook::template), AttachmentType.DOWNLOAD,
                view.text("下载填报模板", "Download the template"));
        template.setId("pt-template");
        HorizontalLayout bar = new HorizontalLayout(title, month, export, template);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        rows.setId("pt-month-rows");
        rows.addColumn(t -> t.port() + " " + t.area()).setHeader(view.text("港口 · 作业区", "Port · area")).setAutoWidth(true);
        rows.addColumn(t -> Ui.label(view, t.cargoClass())).setHeader(view.text("货类", "Cargo class")).setAutoWidth(true);
        rows.addColumn(t -> Ui.label(view, t.direction())).setHeader(view.text("方向", "Direction")).setAutoWidth(true);
        rows.addColumn(t -> Ui.amount(t.wanTonnes())).setHeader(view.text("吞吐量（万吨）", "Throughput (10k t)"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        rows.addColumn(t -> t.teu() == null ? "" : Ui.figure(BigDecimal.valueOf(t.teu()), "TEU"))
                .setHeader(view.text("集装箱（TEU）", "Containers (TEU)")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        rows.addColumn(t -> t.source() == null ? "" : t.source()).setHeader(view.text("来源", "Source")).setAutoWidth(true);
        rows.setAllRowsVisible(true);
        rows.setEmptyStateText(view.text("本月尚无吞吐量数据（未填报）", "No throughput for this month (not reported)"));

        add(bar, rows);
        boolean writes = Ui.hasAny(view, PortModule.ADMIN, PortModule.REPORTER);
        if (writes) {
            add(entryForm());
        }
        add(waterForm(writes));
        if (writes) {
            add(importForm());
        }
        month.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        month.setValue(services.statistics.months(view.bureau()).stream().findFirst().orElse(now));
    }

    private VerticalLayout entryForm() {
        Select<Ports.AreaRef> area = new Select<>();
        area.setId("pt-entry-area");
        area.setLabel(view.text("作业区", "Operating area"));
        area.setItems(services.ports.areas(view.bureau()));
        area.setItemLabelGenerator(Ports.AreaRef::label);
        Select<CargoClass> cargo = new Select<>();
        cargo.setId("pt-entry-class");
        cargo.setLabel(view.text("货类", "Cargo class"));
        cargo.setItems(CargoClass.values());
        cargo.setItemLabelGenerator(c -> Ui.label(view, c));
        Select<Flow> direction = new Select<>();
        direction.setId("pt-entry-direction");
        direction.setLabel(view.text("方向", "Direction"));
        direction.setItems(Flow.values());
        direction.setItemLabelGenerator(d -> Ui.label(view, d));
        BigDecimalField tonnes = new BigDecimalField(view.text("吞吐量（万吨）", "Throughput (10k t)"));
        tonnes.setId("pt-entry-tonnes");
        BigDecimalField teu = new BigDecimalField(view.text("集装箱（TEU）", "Containers (TEU)"));
        teu.setId("pt-entry-teu");
        Button save = new Button(view.text("保存本行", "Save line"), e -> {
            entryError.setText("");
            if (area.getValue() == null || cargo.getValue() == null || direction.getValue() == null) {
                entryError.setText(view.text("请选择作业区、货类和方向", "Choose the area, cargo class and direction"));
                return;
            }
            Map<String, Map<String, Object>> lines = new LinkedHashMap<>();
            for (MonthlyStatistics.Throughput t : shown.throughput()) {
                lines.put(t.areaId() + t.cargoClass().name() + t.direction().name(), line(t.areaId(), t.cargoClass(),
                        t.direction(), t.wanTonnes(), t.teu() == null ? null : BigDecimal.valueOf(t.teu()), t.source()));
            }
            lines.put(area.getValue().id() + cargo.getValue().name() + direction.getValue().name(), line(area.getValue().id(),
                    cargo.getValue(), direction.getValue(), tonnes.getValue(), teu.getValue(), null));
            save(Map.of("throughput", new ArrayList<>(lines.values())));
        });
        save.setId("pt-entry-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(area, cargo, direction, tonnes, teu, save);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3(view.text("填报吞吐量", "Enter throughput")), fields, entryError);
        form.setPadding(false);
        return form;
    }

    private static Map<String, Object> line(long area, CargoClass cargo, Flow direction, BigDecimal tonnes, BigDecimal teu,
                                            String source) {
        Map<String, Object> line = new HashMap<>();
        line.put("areaId", area);
        line.put("cargoClass", cargo.name());
        line.put("direction", direction.name());
        line.put("wanTonnes", tonnes);
        line.put("teu", teu);
        line.put("source", source);
        return line;
    }

    private VerticalLayout waterForm(boolean writes) {
        freight.setLabel(view.text("水路货运量（万吨）", "Water freight (10k t)"));
        freight.setId("pt-water-freight");
        turnover.setLabel(view.text("货物周转量（万吨公里）", "Turnover (10k t·km)"));
        turnover.setId("pt-water-turnover");
        shift.setLabel(view.text("货物公转水（万吨）", "Road-to-water (10k t)"));
        shift.setId("pt-water-shift");
        HorizontalLayout fields = new HorizontalLayout(freight, turnover, shift);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3(view.text("水路运输", "Water transport")), fields);
        form.setPadding(false);
        if (writes) {
            Button save = new Button(view.text("保存水路运输", "Save water transport"), e -> {
                entryError.setText("");
                Map<String, Object> water = new HashMap<>();
                water.put("freightWanTonnes", freight.getValue());
                water.put("turnoverWanTonneKm", turnover.getValue());
                water.put("roadToWaterWanTonnes", shift.getValue());
                water.put("source", shown.water() == null ? null : shown.water().source());
                Map<String, Object> body = new HashMap<>();
                body.put("water", freight.isEmpty() && turnover.isEmpty() && shift.isEmpty() ? null : water);
                save(body);
            });
            save.setId("pt-water-save");
            fields.add(save);
        } else {
            freight.setReadOnly(true);
            turnover.setReadOnly(true);
            shift.setReadOnly(true);
        }
        form.add(Ui.note(view.text("空白表示未知，不按 0 计。", "A blank is unknown, not zero.")));
        return form;
    }

    private void save(Map<String, Object> body) {
        try {
            services.putMonth(view.bureau(), month.getValue(), body);
            show(month.getValue());
            Notification.show(view.text("已保存", "Saved"));
        } catch (ModuleProblem problem) {
            entryError.setText(Ui.message(view, problem));
        }
    }

    private VerticalLayout importForm() {
        Upload upload = new Upload(this::receive);
        upload.setId("pt-import-upload");
        upload.setAcceptedFileTypes(".xlsx", ".csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(20 * 1024 * 1024);
        // the result is set from the upload's request: the success event's round trip brings it to the page
        upload.getElement().addEventListener("upload-success", e -> {
        });
        result.setId("pt-import-result");
        problems.setId("pt-import-problems");
        VerticalLayout form = new VerticalLayout(new H3(view.text("导入月度统计", "Import monthly statistics")),
                Ui.note(view.text("Excel（.xlsx）或 CSV 文件，格式同导出文件和填报模板：任一行有误则整份不导入，并逐行列出问题。",
                        "An .xlsx or .csv file laid out as the export and the template: with any bad line nothing is "
                                + "imported and every problem is listed.")), upload, result, problems);
        form.setPadding(false);
        return form;
    }

    /** Runs on the upload's request thread; the page changes through {@link UI#access}. */
    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        String fileName = event.getFileName();
        byte[] bytes = event.getInputStream().readAllBytes();
        Runnable outcome;
        try {
            Importer.Outcome o = services.importStatistics(view.bureau(), fileName, new ByteArrayInputStream(bytes), view::text);
            outcome = () -> showOutcome(fileName, o);
        } catch (ModuleProblem problem) {
            outcome = () -> result.setText(Ui.message(view, problem));
        } catch (IOException | RuntimeException e) {
            services.context.logger().log(System.Logger.Level.WARNING, "Import of " + fileName + " failed", e);
            outcome = () -> result.setText(view.text("无法读取“" + fileName + "”：", "Cannot read '" + fileName + "': ")
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        Runnable done = outcome;
        ui.access(done::run);
    }

    private void showOutcome(String fileName, Importer.Outcome o) {
        if (o.problems().isEmpty()) {
            result.setText(view.text("“" + fileName + "”已导入：新增或更新 " + o.accepted() + " 行，未变 " + o.skipped() + " 行",
                    "'" + fileName + "' imported: " + o.accepted() + " lines added or changed, " + o.skipped() + " unchanged"));
            Ui.fill(problems, List.of(), true);
            show(month.getValue());
        } else {
            result.setText(view.text("“" + fileName + "”有 " + o.problems().size() + " 处问题，未导入任何数据：",
                    "'" + fileName + "' has " + o.problems().size() + " problems; nothing was imported:"));
            Ui.fill(problems, o.problems().stream().map(p -> view.text("第 " + p.line() + " 行", "Line " + p.line())
                    + " · " + p.field() + view.text("：", ": ") + p.message()).toList(), true);
        }
    }

    private void show(YearMonth m) {
        shown = services.statistics.month(view.bureau(), m);
        rows.setItems(shown.throughput());
        MonthlyStatistics.Water w = shown.water();
        freight.setValue(w == null ? null : w.freightWanTonnes());
        turnover.setValue(w == null ? null : w.turnoverWanTonneKm());
        shift.setValue(w == null ? null : w.roadToWaterWanTonnes());
        int year = m.getYear();
        export.setHref(download("港口月度统计-" + year + ".xlsx", () -> services.workbook.export(view.bureau(), year)),
                AttachmentType.DOWNLOAD);
        export.setText(view.text("导出 " + year + " 年统计（Excel）", "Export " + year + " (Excel)"));
    }

    /** A download of a workbook made when the link is followed (outside the session's lock: no page state is read). */
    private static DownloadHandler download(String fileName, java.util.function.Supplier<byte[]> workbook) {
        return DownloadHandler.fromInputStream(e -> {
            byte[] bytes = workbook.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, StatisticsWorkbook.CONTENT_TYPE, bytes.length);
        });
    }
}
