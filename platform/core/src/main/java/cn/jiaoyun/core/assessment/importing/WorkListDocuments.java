package cn.jiaoyun.core.assessment.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The one entry point for an uploaded work list document: refuses what is too large or empty,
 * then picks the parser by the file's extension checked against its content. Content wins
 * where they disagree about Word versus Excel, since bureaus rename files more often than they
 * convert them; a .docx or .xlsx that is no ZIP package is reported as damaged.
 */
public final class WorkListDocuments {

    /** 50 MB: far above any real work list, low enough that one upload cannot exhaust memory. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private enum Kind { TEXT, DOCX, XLSX }

    private WorkListDocuments() {
    }

    public static ParsedWorkLists parse(String fileName, byte[] content) throws WorkListFormatException {
        return parse(fileName, content, DEFAULT_MAX_BYTES);
    }

    public static ParsedWorkLists parse(String fileName, byte[] content, long maxBytes)
            throws WorkListFormatException {
        if (content.length > maxBytes) {
            throw tooLarge(fileName, maxBytes);
        }
        if (content.length == 0) {
            throw WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.EMPTY_FILE));
        }
        return switch (kindOf(fileName, content)) {
            case TEXT -> new WorkListTextParser().parse(fileName, content);
            case DOCX -> new WorkListDocxParser().parse(fileName, content);
            case XLSX -> new WorkListXlsxParser().parse(fileName, content);
        };
    }

    /**
     * Reads at most {@code maxBytes} from the upload before refusing, so that an oversized file
     * is turned away without being held in memory.
     */
    public static ParsedWorkLists parse(String fileName, InputStream content, long maxBytes)
            throws WorkListFormatException, IOException {
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(fileName, maxBytes);
        }
        return parse(fileName, bytes, maxBytes);
    }

    private static WorkListFormatException tooLarge(String fileName, long maxBytes) {
        return WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.TOO_LARGE, maxBytes));
    }

    private static Kind kindOf(String fileName, byte[] content) throws WorkListFormatException {
        String extension = extension(fileName);
        boolean zip = isZip(content);
        if (isOle2(content) || extension.equals("doc") || extension.equals("xls")) {
            throw WorkListFormatException.of(WorkListProblem.ofFile(fileName, WorkListMessage.LEGACY_OFFICE_FORMAT));
        }
        Optional<Kind> office = zip ? officeKind(content) : Optional.empty();
        switch (extension) {
            case "docx", "xlsx" -> {
                String label = extension.equals("docx") ? "Word (.docx)" : "Excel (.xlsx)";
                return office.orElseThrow(() -> WorkListFormatException.of(
                        WorkListProblem.ofFile(fileName, WorkListMessage.BROKEN_DOCUMENT, label)));
            }
            case "txt", "text" -> {
                return office.orElse(Kind.TEXT);
            }
            default -> {
                return office.orElseThrow(() -> WorkListFormatException.of(
                        WorkListProblem.ofFile(fileName, WorkListMessage.UNSUPPORTED_TYPE)));
            }
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static boolean isOle2(byte[] content) {
        return content.length >= 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0;
    }

    /** Looks at the package's entry names only; the parser reads the package properly. */
    private static Optional<Kind> officeKind(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("word/")) {
                    return Optional.of(Kind.DOCX);
                }
                if (entry.getName().startsWith("xl/")) {
                    return Optional.of(Kind.XLSX);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
