package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The parts every document import takes ({@code file}, {@code year}, {@code commit},
 * {@code encoding}), read and checked the same way for work lists and plans.
 */
record DocumentUpload(String fileName, byte[] content, @Nullable Integer year, boolean commit,
                      boolean legacyEncodingConfirmed) {

    static DocumentUpload of(@Nullable CompletedFileUpload file, @Nullable String year, @Nullable String commit,
                             @Nullable String encoding) {
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            throw ApiProblem.badField("file", "import.file.missing");
        }
        Integer wantedYear = null;
        if (year != null && !year.isBlank()) {
            try {
                wantedYear = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badField("year", "import.year.invalid");
            }
            if (wantedYear < 2000 || wantedYear > 2100) {
                throw ApiProblem.badField("year", "import.year.invalid");
            }
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean legacy = encoding != null && (encoding.strip().equalsIgnoreCase("GB18030")
                || encoding.strip().equalsIgnoreCase("GBK"));
        return new DocumentUpload(file.getFilename(), content, wantedYear,
                "true".equalsIgnoreCase(commit == null ? "" : commit.strip()), legacy);
    }
}
