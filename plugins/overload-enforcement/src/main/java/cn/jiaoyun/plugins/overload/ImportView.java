package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * 过车记录导入: a CSV of weigh-in-motion passes goes through the same ingest as the importer
 * ({@code PassIngest.csv}): streamed, judged, written in batches, every month it touches
 * republished. The file is read while it uploads, on the upload's request thread (which does not
 * hold the session); the page follows by polling, since the UI has no push: a progress bar and
 * the counts per batch, then what was accepted, what was there already and the first rejected
 * lines with their reasons.
 */
public class ImportView extends VerticalLayout {

    static final int PROBLEMS_SHOWN = 20;
    private static final int POLL_MS = 500;
    private static final Map<String, String[]> FIELDS = Map.ofEntries(
            Map.entry("record_id", new String[] {"记录编号", "record id"}), Map.entry("site", new String[] {"站点", "site"}),
            Map.entry("lane", new String[] {"车道", "lane"}), Map.entry("passed_at", new String[] {"过车时间", "time"}),
            Map.entry("plate", new String[] {"车牌", "plate"}), Map.entry("axles", new String[] {"轴数", "axles"}),
            Map.entry("vehicle_kind", new String[] {"车型", "vehicle kind"}),
            Map.entry("gross_kg", new String[] {"总重", "gross mass"}), Map.entry("axle_weights", new String[] {"轴重", "axle weights"}),
            Map.entry("speed_kmh", new String[] {"车速", "speed"}),
            Map.entry("single_drive_axle", new String[] {"单驱动轴", "single drive axle"}),
            Map.entry("file", new String[] {"文件", "file"}));

    private final ModuleViewContext view;
    private final OverloadServices services;
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div result = new Div();
    private final UnorderedList problems = new UnorderedList();
    private final Div error = Ui.errorLine("oe-import-error");
    /** Uploads begun and finished, as the page learnt of them; guarded by the session's lock. */
    private int starts;
    private int finished;

    public ImportView(ModuleViewContext view) {
        this.view = view;
        this.services = OverloadServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("过车记录导入", "Import pass records"));
        title.setId("oe-import-title");
        Div help = new Div(view.text(
                "CSV 文件（UTF-8，逗号或制表符分隔），第一行为表头。必填列：记录编号 record_id、站点 site、车道 lane、"
                        + "过车时间 passed_at（如 2020-06-01 08:30:00）、车牌 plate、轴数 axles、总重 gross_kg（千克）；"
                        + "三轴及以上须有车型 vehicle_kind（货车、汽车列车）；可选车牌颜色、轴重、车速、单驱动轴。"
                        + "同一记录编号再次导入不会重复计入。",
                "A CSV file (UTF-8, comma or tab separated) with a header row. Required: record_id, site, lane, "
                        + "passed_at (e.g. 2020-06-01 08:30:00), plate, axles, gross_kg; vehicle_kind (truck or "
                        + "combination) from three axles on; optional plate_colour, axle_weights, speed_kmh, "
                        + "single_drive_axle. A record id imported again is not counted twice."));
        help.getStyle().set("max-width", "60em");

        Upload upload = new Upload(this::receive);
        upload.setId("oe-import-upload");
        upload.setAcceptedFileTypes(".csv", ".txt");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(500 * 1024 * 1024);
        upload.setI18n(texts());
        upload.setDropLabel(new Span(view.text("将过车记录 CSV 文件拖放到此处", "Drop a CSV of pass records here")));
        // the browser says when the upload starts (a round trip): poll from then on until the ingest ends
        upload.getElement().addEventListener("upload-start", e -> {
            starts++;
            if (starts > finished) {
                UI.getCurrent().setPollInterval(POLL_MS);
            }
        });
        // and when it ends: a round trip that brings the result even if polling never began
        upload.getElement().addEventListener("upload-success", e -> {
        });
        upload.getElement().addEventListener("upload-error", e -> {
        });

        progress.setId("oe-import-progress");
        progress.setVisible(false);
        progress.setWidth("30em");
        status.setId("oe-import-status");
        result.setId("oe-import-result");
        problems.setId("oe-import-problems");
        add(title, help, upload, progress, status, error, result, problems);
    }

    /** Runs on the upload's request thread, without the session's lock: the page changes through {@link UI#access}. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        String fileName = event.getFileName();
        long size = event.getFileSize();
        CountingInputStream in = new CountingInputStream(event.getInputStream());
        ui.access(() -> begin(fileName));
        Runnable outcome;
        try {
            PassIngest.Result r = services.importCsv(view.bureau(), fileName, in, (lines, accepted, duplicates, rejected) -> {
                long read = in.count();
                ui.access(() -> advance(lines, accepted, duplicates, rejected, read, size));
            });
            outcome = () -> show(fileName, r);
        } catch (ModuleProblem problem) {
            outcome = () -> error.setText(Ui.message(view, problem));
        } catch (IOException | RuntimeException e) {
            services.context.logger().log(System.Logger.Level.WARNING, "Import of " + fileName + " failed", e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            outcome = () -> error.setText(view.text("导入“" + fileName + "”失败：", "Importing '" + fileName + "' failed: ") + reason);
        }
        Runnable done = outcome;
        ui.access(() -> {
            progress.setVisible(false);
            done.run();
            finished++;
            if (finished >= starts) {
                ui.setPollInterval(-1);
            }
        });
    }

    private void begin(String fileName) {
        error.setText("");
        result.setText("");
        problems.removeAll();
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText(view.text("正在导入“" + fileName + "”…", "Importing '" + fileName + "'…"));
    }

    private void advance(long lines, long accepted, long duplicates, long rejected, long read, long size) {
        if (size > 0) {
            progress.setIndeterminate(false);
            progress.setValue(Math.min(1.0, (double) read / size));
        }
        status.setText(view.text(
                "已读取 " + Ui.number(lines) + " 行：接收 " + Ui.number(accepted) + " 条，重复 " + Ui.number(duplicates)
                        + " 条，拒绝 " + Ui.number(rejected) + " 条",
                Ui.number(lines) + " lines read: " + Ui.number(accepted) + " accepted, " + Ui.number(duplicates)
                        + " already there, " + Ui.number(rejected) + " rejected"));
    }

    private void show(String fileName, PassIngest.Result r) {
        status.setText(view.text("“" + fileName + "”已导入", "'" + fileName + "' imported"));
        result.setText(view.text(
                "接收 " + Ui.number(r.accepted()) + " 条，重复 " + Ui.number(r.duplicates()) + " 条，拒绝 "
                        + Ui.number(r.rejected()) + " 条",
                Ui.number(r.accepted()) + " accepted, " + Ui.number(r.duplicates()) + " already there, "
                        + Ui.number(r.rejected()) + " rejected"));
        problems.removeAll();
        r.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> {
            ListItem item = new ListItem(line(p));
            item.getStyle().set("color", "var(--lumo-error-text-color)");
            problems.add(item);
        });
        if (r.rejected() > PROBLEMS_SHOWN) {
            problems.add(new ListItem(view.text("另有 " + Ui.number(r.rejected() - PROBLEMS_SHOWN) + " 行未列出",
                    Ui.number(r.rejected() - PROBLEMS_SHOWN) + " more lines not listed")));
        }
    }

    /** {@code 第 3 行 · 车道：站点 GS1 没有车道 L9}. */
    private String line(Importer.RowProblem p) {
        String[] field = FIELDS.get(p.field());
        String name = field == null ? p.field() : view.text(field[0], field[1]);
        return view.text("第 " + p.line() + " 行", "Line " + p.line()) + " · " + name + view.text("：", ": ") + p.message();
    }

    private UploadI18N texts() {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(view.text("选择文件…", "Choose a file…"))
                        .setMany(view.text("选择文件…", "Choose files…")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(view.text("将文件拖放到此处", "Drop a file here"))
                        .setMany(view.text("将文件拖放到此处", "Drop files here")))
                .setError(new UploadI18N.Error().setTooManyFiles(view.text("一次只能导入一个文件", "One file at a time"))
                        .setFileIsTooBig(view.text("文件过大（最大 500 MB）", "The file is too large (500 MB at most)"))
                        .setIncorrectFileType(view.text("只接受 .csv 或 .txt 文件", "Only .csv or .txt files")));
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
