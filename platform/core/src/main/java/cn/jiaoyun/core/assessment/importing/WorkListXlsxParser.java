package cn.jiaoyun.core.assessment.importing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads work lists laid out as a workbook with one sheet per unit, the sheet named after the
 * unit, and a sheet whose name contains 常规 for the routine list. A sheet per unit was chosen
 * over a unit column because that is how bureaus hand the lists out (one tab per unit, each
 * adding up to its own total) and it keeps the header row identical to the Word tables. Sheet
 * names are limited to 31 characters, so a title row above the header (one filled cell, often
 * merged across the width) names the unit instead when present; generic names such as Sheet1
 * are never taken as unit names. A cell merged downwards counts for every row it covers.
 */
public final class WorkListXlsxParser implements WorkListParser {

    @Override
    public ParsedWorkLists parse(String fileName, byte[] content) throws WorkListFormatException {
        if (content.length == 0) {
            throw WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.EMPTY_FILE));
        }
        WorkListAssembly assembly = new WorkListAssembly(fileName);
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = open(fileName, content)) {
            for (Sheet sheet : workbook) {
                readSheet(sheet, formatter, assembly);
            }
        } catch (IOException e) {
            throw broken(fileName, e);
        }
        return assembly.finish();
    }

    private static XSSFWorkbook open(String fileName, byte[] content) throws WorkListFormatException {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged or foreign package with a variety of unchecked exceptions.
            throw broken(fileName, e);
        }
    }

    private static WorkListFormatException broken(String fileName, Exception cause) {
        return new WorkListFormatException(
                List.of(WorkListProblem.ofFile(fileName, WorkListMessage.BROKEN_DOCUMENT, "Excel (.xlsx)")), cause);
    }

    private static void readSheet(Sheet sheet, DataFormatter formatter, WorkListAssembly assembly) {
        String name = sheet.getSheetName();
        assembly.startSection(name, new SourceLocation.SheetRow(name, 1));
        Map<Long, String> mergedFromAbove = mergedFromAbove(sheet, formatter);
        for (Row row : sheet) {
            SourceLocation location = new SourceLocation.SheetRow(name, row.getRowNum() + 1);
            List<TableCell> cells = new ArrayList<>();
            for (int column = 0; column < row.getLastCellNum(); column++) {
                String text = mergedFromAbove.get(key(row.getRowNum(), column));
                if (text == null) {
                    text = text(row.getCell(column), formatter);
                }
                cells.add(new TableCell(text, location));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                cells.remove(cells.size() - 1);
            }
            assembly.row(cells);
        }
    }

    /** Only downward merges are spread: a title merged across the width stays one cell. */
    private static Map<Long, String> mergedFromAbove(Sheet sheet, DataFormatter formatter) {
        Map<Long, String> spread = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getLastRow() == region.getFirstRow()) {
                continue;
            }
            Row top = sheet.getRow(region.getFirstRow());
            String text = top == null ? "" : text(top.getCell(region.getFirstColumn()), formatter);
            for (int row = region.getFirstRow() + 1; row <= region.getLastRow(); row++) {
                spread.put(key(row, region.getFirstColumn()), text);
            }
        }
        return spread;
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            // Points such as 2.5 must not pass through a display format that rounds them.
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getRichStringCellValue().getString();
        }
        return formatter.formatCellValue(cell);
    }
}
