package cn.jiaoyun.core.assessment.importing;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads work lists laid out as Word tables: a paragraph naming the unit (or the routine list)
 * before each table, a header row, then one row per item. A department cell may hold several
 * paragraphs or line breaks. A cell merged downwards (several items supervised by the same
 * department) counts for every row it covers.
 */
public final class WorkListDocxParser implements WorkListParser {

    @Override
    public ParsedWorkLists parse(String fileName, byte[] content) throws WorkListFormatException {
        if (content.length == 0) {
            throw WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.EMPTY_FILE));
        }
        WorkListAssembly assembly = new WorkListAssembly(fileName);
        try (XWPFDocument document = open(fileName, content)) {
            int paragraphs = 0;
            int tables = 0;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    paragraphs++;
                    assembly.heading(paragraph.getText(), new SourceLocation.DocumentParagraph(paragraphs));
                } else if (element instanceof XWPFTable table) {
                    tables++;
                    readTable(table, tables, assembly);
                }
            }
        } catch (IOException e) {
            throw broken(fileName, e);
        }
        return assembly.finish();
    }

    private static XWPFDocument open(String fileName, byte[] content) throws WorkListFormatException {
        try {
            return new XWPFDocument(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged or foreign package with a variety of unchecked exceptions.
            throw broken(fileName, e);
        }
    }

    private static WorkListFormatException broken(String fileName, Exception cause) {
        return new WorkListFormatException(
                List.of(WorkListProblem.ofFile(fileName, WorkListMessage.BROKEN_DOCUMENT, "Word (.docx)")), cause);
    }

    private static void readTable(XWPFTable table, int tableNumber, WorkListAssembly assembly) {
        Map<Integer, String> mergedFromAbove = new HashMap<>();
        int rowNumber = 0;
        for (XWPFTableRow row : table.getRows()) {
            rowNumber++;
            SourceLocation location = new SourceLocation.TableRow(tableNumber, rowNumber);
            List<TableCell> cells = new ArrayList<>();
            int gridColumn = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                String text = cellText(cell);
                if (continuesMergeFromAbove(properties)) {
                    text = mergedFromAbove.getOrDefault(gridColumn, "");
                } else {
                    mergedFromAbove.put(gridColumn, text);
                }
                cells.add(new TableCell(text, location));
                gridColumn += span(properties);
            }
            assembly.row(cells);
        }
    }

    private static String cellText(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }

    private static boolean continuesMergeFromAbove(CTTcPr properties) {
        if (properties == null || !properties.isSetVMerge()) {
            return false;
        }
        STMerge.Enum value = properties.getVMerge().getVal();
        return value == null || value == STMerge.CONTINUE;
    }

    private static int span(CTTcPr properties) {
        if (properties == null || !properties.isSetGridSpan()) {
            return 1;
        }
        return properties.getGridSpan().getVal().intValue();
    }
}
