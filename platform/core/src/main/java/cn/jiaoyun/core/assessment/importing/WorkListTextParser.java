package cn.jiaoyun.core.assessment.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the plain-text export of Word tables (Word's “save as text”, or copying the tables):
 * a heading line per unit, then every table cell on its own line starting with a tab, a cell's
 * further lines without the tab, and a blank line after each table row.
 *
 * <p>Encoding: UTF-8 with or without BOM, and UTF-16 with BOM. Bytes that are not valid UTF-8
 * are decoded as GB18030 (a superset of GBK and GB2312, which Chinese Windows still writes by
 * default) when they are valid GB18030, and the preview carries a notice saying so; refusing
 * them would turn away most files exported on a bureau's own computers. Bytes valid in neither
 * are refused. A line holding several tab-separated cells (a sheet saved as text) is one row.
 */
public final class WorkListTextParser implements WorkListParser {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private record Line(int number, String text) {
        boolean startsCell() {
            return text.startsWith("\t");
        }

        boolean isBlank() {
            return !startsCell() && text.isBlank();
        }
    }

    @Override
    public ParsedWorkLists parse(String fileName, byte[] content) throws WorkListFormatException {
        if (content.length == 0) {
            throw WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.EMPTY_FILE));
        }
        WorkListAssembly assembly = new WorkListAssembly(fileName);
        String text = decode(fileName, content, assembly::notice);
        if (text.isBlank()) {
            throw WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.EMPTY_FILE));
        }
        List<Line> block = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            // An empty cell is a lone tab: trailing white space goes, the cell's tab stays.
            String kept = raw.startsWith("\t") ? "\t" + raw.substring(1).stripTrailing() : raw.stripTrailing();
            Line line = new Line(++number, kept);
            if (line.isBlank()) {
                readBlock(block, assembly);
                block.clear();
            } else {
                block.add(line);
            }
        }
        readBlock(block, assembly);
        return assembly.finish();
    }

    /** Plain lines before the first cell are headings; a plain line after a cell continues it. */
    private static void readBlock(List<Line> block, WorkListAssembly assembly) {
        List<TableCell> cells = new ArrayList<>();
        StringBuilder cellText = null;
        SourceLocation cellLocation = null;
        for (Line line : block) {
            if (line.startsCell()) {
                String body = line.text().substring(1);
                if (body.indexOf('\t') >= 0) {
                    addCell(cells, cellText, cellLocation);
                    cellText = null;
                    if (!cells.isEmpty()) {
                        assembly.row(List.copyOf(cells));
                        cells.clear();
                    }
                    readTabSeparatedRow(line, assembly);
                    continue;
                }
                addCell(cells, cellText, cellLocation);
                cellText = new StringBuilder(body.strip());
                cellLocation = new SourceLocation.TextLine(line.number());
            } else if (cellText != null) {
                cellText.append('\n').append(line.text().strip());
            } else if (line.text().strip().indexOf('\t') > 0) {
                readTabSeparatedRow(line, assembly);
            } else {
                assembly.heading(line.text(), new SourceLocation.TextLine(line.number()));
            }
        }
        addCell(cells, cellText, cellLocation);
        if (!cells.isEmpty()) {
            assembly.row(cells);
        }
    }

    private static void readTabSeparatedRow(Line line, WorkListAssembly assembly) {
        SourceLocation location = new SourceLocation.TextLine(line.number());
        List<TableCell> cells = new ArrayList<>();
        for (String cell : line.text().strip().split("\t", -1)) {
            cells.add(new TableCell(cell.strip(), location));
        }
        assembly.row(cells);
    }

    private static void addCell(List<TableCell> cells, StringBuilder text, SourceLocation location) {
        if (text != null) {
            cells.add(new TableCell(text.toString(), location));
        }
    }

    /** The text of an uploaded file as described above; a GB18030 reading is reported to {@code notices}. */
    static String decode(String fileName, byte[] content, Consumer<WorkListNotice> notices)
            throws WorkListFormatException {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return strictly(StandardCharsets.UTF_8, content, 3).orElseThrow(() -> unknownEncoding(fileName));
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return strictly(StandardCharsets.UTF_16LE, content, 2).orElseThrow(() -> unknownEncoding(fileName));
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return strictly(StandardCharsets.UTF_16BE, content, 2).orElseThrow(() -> unknownEncoding(fileName));
        }
        Optional<String> utf8 = strictly(StandardCharsets.UTF_8, content, 0);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        String gb = strictly(GB18030, content, 0).orElseThrow(() -> unknownEncoding(fileName));
        notices.accept(WorkListNotice.of(WorkListMessage.DECODED_AS_GB18030));
        return gb;
    }

    private static WorkListFormatException unknownEncoding(String fileName) {
        return WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.UNKNOWN_ENCODING));
    }

    private static Optional<String> strictly(Charset charset, byte[] content, int offset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
