package cn.jiaoyun.plugin.api;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Imports a file into the module's tables for the caller's bureau, mounted at
 * {@code POST /api/modules/<module-id>/imports/<name>} (multipart field {@code file}). The host
 * checks the file name's extension against {@code extensions} before calling it. The handler
 * reads the stream as it goes (files may be large) and reports each bad row with its line.
 *
 * @param extensions lower-case without dot, e.g. {@code csv}, {@code xlsx}
 * @param roles      who may import (any bureau role when empty)
 */
public record Importer(String name, String titleZh, String titleEn, Set<String> extensions, Set<String> roles,
                       Handler handler) {

    public Importer {
        Objects.requireNonNull(handler, "handler");
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Importer name '" + name + "' must be lower-case words");
        }
        extensions = Set.copyOf(extensions);
        roles = Set.copyOf(roles);
    }

    /** Reads one uploaded file. */
    @FunctionalInterface
    public interface Handler {
        Outcome importFile(ModuleRequest request, String fileName, InputStream content) throws Exception;
    }

    /**
     * What an import did.
     *
     * @param accepted rows written
     * @param skipped  rows already present (an import is idempotent)
     * @param problems the rejected rows, each with its line and reason
     */
    public record Outcome(long accepted, long skipped, List<RowProblem> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    /** One rejected row: its line in the file (1-based), the field and the reason. */
    public record RowProblem(long line, String field, String message) {
    }
}
