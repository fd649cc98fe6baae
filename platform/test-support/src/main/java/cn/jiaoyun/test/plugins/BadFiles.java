package cn.jiaoyun.test.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Uploads no importer can read: garbage, a truncated workbook, a zip bomb dressed as a workbook. */
public final class BadFiles {

    private BadFiles() {
    }

    /** Bytes of no format at all, NUL and invalid UTF-8 among them (the same every run). */
    public static byte[] garbage() {
        byte[] bytes = new byte[4096];
        new Random(14).nextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = (byte) 0xff;
        return bytes;
    }

    /** The start of a ZIP archive (as a workbook begins) cut off after its first header. */
    public static byte[] truncatedWorkbook() {
        byte[] whole = workbookWith("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(whole, Math.min(whole.length, 60));
    }

    /**
     * A small {@code .xlsx} whose sheet expands to {@code expandedMb} MB of one repeated byte: a
     * reader that expands it unchecked runs out of memory or time.
     */
    public static byte[] zipBombWorkbook(int expandedMb) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            entry(zip, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < expandedMb; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] workbookWith(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            entry(zip, name, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml"
             ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>""";

    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Target="xl/workbook.xml"
             Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
            </Relationships>""";
}
