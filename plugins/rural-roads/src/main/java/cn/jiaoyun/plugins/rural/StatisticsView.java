package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleViewContext;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 农村公路月度统计: spreadsheets in and out. Reporters and administrators upload the monthly
 * statistics ({@link MonthlyStatistics}) or a register's spreadsheet ({@link RegisterImports};
 * the network and the towns for administrators only), {@code .xlsx} or {@code .csv}; the page lists
 * the chosen layout's columns, then says what was written, or, when any row is bad, that nothing
 * was written and every problem with its row and column. Everyone may download a year's monthly
 * statistics in the import's layout, ready to fill in and upload again.
 */
public class StatisticsView extends VerticalLayout {

    private final ModuleViewContext view;
    private final RuralServices services;
    private final Div result = new Div();
    private final UnorderedList problems = new UnorderedList();
    private final Div error = Ui.errorLine("rr-import-error");
    private final Select<String> what = new Select<>();
    private final Div help = new Div();
    private Upload upload;

    public StatisticsView(ModuleViewContext view) {
        this.view = view;
        this.services = RuralServices.of(view.module());
        setPadding(false);
        H2 title = new H2(view.text("农村公路月度统计", "Rural road monthly statistics"));
        title.setId("rr-statistics-title");
        add(title);

        Select<Integer> year = Ui.years(view, services.projects.years(view.bureau(), services.currentMonth().getYear()),
                "rr-export-year");
        year.setValue(services.projects.latestReport(view.bureau()).orElse(services.currentMonth()).getYear());
        Anchor export = new Anchor(exportHandler(year), AttachmentType.DOWNLOAD, view.text("导出 Excel", "Export to Excel"));
        export.setId("rr-export");
        export.getElement().insertChild(0, VaadinIcon.DOWNLOAD.create().getElement());
        add(new H3(view.text("导出", "Export")), Ui.row(year, export));

        add(new H3(view.text("导入", "Import")));
        if (Ui.hasAny(view, RuralRoadsModule.ADMIN, RuralRoadsModule.REPORTER)) {
            List<String> kinds = new ArrayList<>(List.of(MonthlyStatistics.IMPORTER));
            RegisterImports.ALL.stream().filter(r -> !r.adminOnly() || view.user().hasRole(RuralRoadsModule.ADMIN))
                    .forEach(r -> kinds.add(r.name()));
            what.setLabel(view.text("导入内容", "What to import"));
            what.setId("rr-import-kind");
            what.setItems(kinds);
            what.setItemLabelGenerator(this::title);
            what.addValueChangeListener(e -> help.setText(help(e.getValue())));
            upload = new Upload(this::receive);
            upload.setId("rr-import-upload");
            upload.setAcceptedFileTypes(".xlsx", ".csv");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(Sheet.MAX_BYTES);
            upload.setI18n(texts());
            upload.setDropLabel(new Span(view.text("将统计表拖放到此处", "Drop the spreadsheet here")));
            // without push, the browser's notice that the upload ended is the round trip that brings the result
            upload.getElement().addEventListener("upload-success", e -> {
            });
            upload.getElement().addEventListener("upload-error", e -> {
            });
            help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                    .set("max-width", "60em");
            help.setId("rr-import-help");
            add(what, help, upload);
            what.setValue(MonthlyStatistics.IMPORTER);
        }
        result.setId("rr-import-result");
        problems.setId("rr-import-problems");
        add(error, result, problems);
    }

    /** Runs on the upload's request thread; the page changes through {@link UI#access}. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        String fileName = event.getFileName();
        // read under the session's lock: the choice is the page's state
        String[] kind = new String[1];
        ui.accessSynchronously(() -> kind[0] = what.getValue());
        Runnable outcome;
        try {
            Importer.Outcome o = MonthlyStatistics.IMPORTER.equals(kind[0])
                    ? services.importStatistics(view.bureau(), fileName, event.getInputStream()).outcome()
                    : services.importRegister(register(kind[0]).register(), view.bureau(), fileName, event.getInputStream());
            outcome = () -> show(fileName, o);
        } catch (ModuleProblem problem) {
            outcome = () -> error.setText(Ui.message(view, problem));
        } catch (IOException | RuntimeException e) {
            services.context.logger().log(System.Logger.Level.WARNING, "Import of " + fileName + " failed", e);
            outcome = () -> error.setText(view.text("导入“" + fileName + "”失败：", "Importing '" + fileName + "' failed: ")
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        Runnable done = outcome;
        ui.access(() -> {
            error.setText("");
            problems.removeAll();
            done.run();
            upload.clearFileList(); // ready for the corrected file
        });
    }

    private static RegisterImports.Register register(String name) {
        return RegisterImports.ALL.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private String title(String kind) {
        if (MonthlyStatistics.IMPORTER.equals(kind)) {
            return view.text("农村公路月度统计", "Monthly statistics");
        }
        RegisterImports.Register r = register(kind);
        return view.text(r.titleZh(), r.titleEn());
    }

    /** The columns of the chosen layout, and its rules. */
    private String help(String kind) {
        List<Sheet.Column> columns = MonthlyStatistics.IMPORTER.equals(kind) ? MonthlyStatistics.COLUMNS
                : register(kind).register().columns();
        String list = columns.stream().map(c -> c.header() + (c.required() ? view.text("（必填）", " (required)") : ""))
                .collect(Collectors.joining(view.text("、", ", ")));
        String rules = MonthlyStatistics.IMPORTER.equals(kind)
                ? view.text("每个项目每月一行。项目类型可填：" + Labels.KINDS.choices() + "；项目状态可填："
                        + Labels.PROJECT_STATUSES.choices() + "。按项目编号（无编号时按项目名称和乡镇）找到本年度项目，没有则新建。",
                "One row per project and month; a project is found by its code (else by name and town) within the year, "
                        + "and created when absent.")
                : view.text("每条记录一行，按" + columns.get(0).header() + "等关键列更新已有记录。",
                "One row per record; a record already there is updated.");
        return view.text("列：", "Columns: ") + list + view.text("。", ". ") + rules
                + view.text("任何一行有错时整份文件都不写入，并列出每个错误；同一文件重复导入不会重复计入。",
                " If any row is bad nothing is written and every problem is listed; importing the same file again changes nothing.");
    }

    private void show(String fileName, Importer.Outcome o) {
        if (o.problems().isEmpty()) {
            result.setText(view.text("“" + fileName + "”已导入：写入 " + o.accepted() + " 行，未变化 " + o.skipped() + " 行",
                    "'" + fileName + "' imported: " + o.accepted() + " rows written, " + o.skipped() + " unchanged"));
            return;
        }
        result.setText(view.text("“" + fileName + "”有 " + o.problems().size() + " 处错误，未写入任何数据",
                "'" + fileName + "' has " + o.problems().size() + " problems; nothing was written"));
        for (Importer.RowProblem p : o.problems()) {
            ListItem item = new ListItem(view.text("第 " + p.line() + " 行", "Row " + p.line()) + " · " + p.field()
                    + view.text("：", ": ") + p.message());
            item.getStyle().set("color", "var(--lumo-error-text-color)");
            problems.add(item);
        }
    }

    private DownloadHandler exportHandler(Select<Integer> year) {
        return event -> {
            int y = year.getValue();
            event.setFileName("农村公路月度统计-" + y + ".xlsx");
            event.setContentType(MonthlyStatistics.CONTENT_TYPE);
            event.getOutputStream().write(services.statistics.export(view.bureau(), y));
        };
    }

    private UploadI18N texts() {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(view.text("选择文件…", "Choose a file…"))
                        .setMany(view.text("选择文件…", "Choose files…")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(view.text("将文件拖放到此处", "Drop a file here"))
                        .setMany(view.text("将文件拖放到此处", "Drop files here")))
                .setError(new UploadI18N.Error().setTooManyFiles(view.text("一次只能导入一个文件", "One file at a time"))
                        .setFileIsTooBig(view.text("文件过大（最大 20 MB）", "The file is too large (20 MB at most)"))
                        .setIncorrectFileType(view.text("只接受 .xlsx 或 .csv 文件", "Only .xlsx or .csv files")));
    }
}
