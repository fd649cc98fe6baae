package cn.jiaoyun.host;

import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.Messages;
import cn.jiaoyun.plugin.api.ModuleProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Decides, in one place, whether an exception out of a call into a module is the caller's
 * mistake (answered 4xx, the module untouched) or a fault of the module's code (an incident).
 *
 * <p>The caller's: a {@link ModuleProblem} or {@link ApiProblem}; a PostgreSQL data exception
 * (SQLState class 22: numeric overflow, bad text representation, NUL in text, too long, bad
 * date) → 400; an integrity violation (class 23: unique → 409, not-null, check, foreign key →
 * 400/422); a serialization failure or deadlock (40001, 40P01) or a lock not available → 409
 * with {@code Retry-After}; the database unreachable or out of resources (classes 08, 53, 58, an
 * administrator's shutdown) → 503 with {@code Retry-After}, which is no fault of the module either;
 * a value of the wrong type or format (number, date, cast); and while
 * reading an upload, anything that says the file is unreadable (I/O, ZIP, charset, XML, Apache
 * POI, a zip bomb) → 400 naming {@code file}. Everything else is the module's fault.
 *
 * <p>The answer never carries the database's text (SQL, constraint names, row values) nor class
 * names: only the field, row or file, in the caller's language.
 */
public final class CallerFault {

    /** What the request gave the module, which an answer about a bad value names. */
    public enum Input {
        /** A JSON body ({@code body}). */
        BODY("body"),
        /** An uploaded file ({@code file}). */
        FILE("file"),
        /** Only the path and query (no field to name). */
        NONE(null);

        private final String field;

        Input(@Nullable String field) {
            this.field = field;
        }

        @Nullable
        public String field() {
            return field;
        }
    }

    /** Seconds after which a caller may retry a request that met a concurrent one. */
    static final long RETRY_AFTER_SECONDS = 1;
    /** Seconds after which a caller may retry when the database was unreachable or out of resources. */
    static final long DATABASE_RETRY_SECONDS = 10;

    private static final int MAX_CAUSES = 32;
    private static final Pattern KEY_COLUMNS = Pattern.compile("^Key \\(([^)]*)\\)=");
    private static final List<String> UNREADABLE_FILE_PACKAGES = List.of("org.apache.poi.", "org.apache.xmlbeans.",
            "org.apache.commons.compress.", "org.apache.commons.csv.", "org.xml.sax.", "javax.xml.stream.",
            "com.fasterxml.jackson.core.", "com.opencsv.");
    private static final List<String> BAD_JSON_PACKAGES = List.of("com.fasterxml.jackson.core.",
            "com.fasterxml.jackson.databind.", "io.micronaut.serde.", "com.google.gson.");

    private CallerFault() {
    }

    /**
     * The caller's problem in {@code thrown}, or empty when it is the module's fault.
     *
     * @param input    what the request carried: a bad value is said to be in that field
     * @param fileName the uploaded file's name (for {@link Input#FILE})
     */
    public static Optional<ApiProblem> of(Throwable thrown, Input input, @Nullable String fileName) {
        List<Throwable> chain = chain(thrown);
        for (Throwable t : chain) {
            if (t instanceof ApiProblem p) {
                return Optional.of(p);
            }
            if (t instanceof ModuleProblem p) {
                return Optional.of(fromModule(p));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<ApiProblem> database = database(sql, input);
                if (database.isPresent()) {
                    return database;
                }
            }
        }
        if (input == Input.FILE) {
            String name = fileName == null ? "" : fileName;
            for (Throwable t : chain) {
                if (zipBomb(t)) {
                    return Optional.of(ApiProblem.badField("file", "problem.plugin.caller.file-bomb", name));
                }
            }
            for (Throwable t : chain) {
                if (unreadableFile(t)) {
                    return Optional.of(ApiProblem.badField("file", "problem.plugin.caller.file-unreadable", name));
                }
            }
        }
        for (Throwable t : chain) {
            if (input != Input.FILE && hasPackage(t, BAD_JSON_PACKAGES)) {
                return Optional.of(bad(input, "problem.plugin.caller.bad-json"));
            }
            if (wrongType(t)) {
                return Optional.of(bad(input, input == Input.FILE ? "problem.plugin.caller.file-value"
                        : "problem.plugin.caller.wrong-type"));
            }
        }
        return Optional.empty();
    }

    /** A module's own refusal as the platform answers it (the module's text, its field). */
    public static ApiProblem fromModule(ModuleProblem p) {
        Messages.Bilingual text = new Messages.Bilingual(p.messageZh(), p.messageEn());
        HttpStatus status = HttpStatus.valueOf(p.status());
        return p.field() == null
                ? new ApiProblem(status, "problem.plugin.module-says", text)
                : new ApiProblem(status,
                    List.of(new ApiProblem.FieldError(p.field(), "problem.plugin.module-says", text)),
                    "problem.plugin.module-says", text);
    }

    private static Optional<ApiProblem> database(SQLException e, Input input) {
        String state = e.getSQLState();
        if (state.length() != 5) {
            return Optional.empty();
        }
        String field = input.field();
        switch (state) {
            case "22003":
                return Optional.of(bad(input, "problem.plugin.caller.numeric-range"));
            case "22001":
                return Optional.of(bad(input, "problem.plugin.caller.too-long"));
            case "22021", "22P05", "22024", "22025":
                return Optional.of(bad(input, "problem.plugin.caller.bad-char"));
            case "22007", "22008":
                return Optional.of(bad(input, "problem.plugin.caller.bad-date"));
            case "23505":
                return Optional.of(problem(HttpStatus.CONFLICT, column(e, field), "problem.plugin.caller.duplicate"));
            case "23502":
                return Optional.of(problem(HttpStatus.BAD_REQUEST, column(e, field), "problem.plugin.caller.missing"));
            case "23503":
                return Optional.of(problem(HttpStatus.UNPROCESSABLE_ENTITY, field, "problem.plugin.caller.reference"));
            case "23514":
                return Optional.of(problem(HttpStatus.BAD_REQUEST, field, "problem.plugin.caller.rule"));
            case "23P01":
                return Optional.of(problem(HttpStatus.CONFLICT, field, "problem.plugin.caller.overlap"));
            case "40001", "40P01", "55P03":
                return Optional.of(new ApiProblem(HttpStatus.CONFLICT, "problem.plugin.caller.concurrent")
                        .retryAfter(RETRY_AFTER_SECONDS));
            case "54000":
                return Optional.of(bad(input, "problem.plugin.caller.too-long"));
            default:
                break;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("58") || state.equals("57P01")
                || state.equals("57P02") || state.equals("57P03")) {
            // the database is away or out of resources: neither the caller's nor the module's doing
            return Optional.of(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.plugin.caller.database-away")
                    .retryAfter(DATABASE_RETRY_SECONDS));
        }
        if (state.startsWith("22")) {
            return Optional.of(bad(input, "problem.plugin.caller.bad-value"));
        }
        if (state.startsWith("23")) {
            return Optional.of(problem(HttpStatus.BAD_REQUEST, field, "problem.plugin.caller.rule"));
        }
        return Optional.empty();
    }

    /**
     * The request field a not-null or unique violation is about: the column PostgreSQL names
     * (the bureau column left out), written as the module's JSON writes it ({@code road_class} →
     * {@code roadClass}); else {@code fallback}.
     */
    @Nullable
    static String column(SQLException e, @Nullable String fallback) {
        if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
            return fallback;
        }
        ServerErrorMessage m = p.getServerErrorMessage();
        String column = m.getColumn();
        if (column == null && m.getDetail() != null) {
            Matcher key = KEY_COLUMNS.matcher(m.getDetail());
            if (key.find()) {
                column = List.of(key.group(1).split(",\\s*")).stream()
                        .filter(c -> !c.equals("tenant_id")).findFirst().orElse(null);
            }
        }
        if (column == null || !column.matches("[a-z][a-z0-9_]{0,62}")) {
            return fallback;
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static ApiProblem bad(Input input, String key) {
        return problem(HttpStatus.BAD_REQUEST, input.field(), key);
    }

    private static ApiProblem problem(HttpStatus status, @Nullable String field, String key) {
        return field == null
                ? new ApiProblem(status, key)
                : new ApiProblem(status, List.of(new ApiProblem.FieldError(field, key)), "problem.invalid.detail");
    }

    private static boolean zipBomb(Throwable t) {
        String message = t.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb");
    }

    private static boolean unreadableFile(Throwable t) {
        return t instanceof IOException || t instanceof UncheckedIOException || t instanceof ZipException
                || t instanceof CharacterCodingException || hasPackage(t, UNREADABLE_FILE_PACKAGES);
    }

    private static boolean wrongType(Throwable t) {
        return t instanceof NumberFormatException || t instanceof DateTimeException
                || t instanceof ClassCastException || t instanceof ArithmeticException;
    }

    private static boolean hasPackage(Throwable t, List<String> packages) {
        for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            String name = c.getName();
            for (String p : packages) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The throwable and its causes and suppressed ones, each once, at most {@value #MAX_CAUSES}. */
    private static List<Throwable> chain(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        todo.add(thrown);
        while (!todo.isEmpty() && out.size() < MAX_CAUSES) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return out;
    }
}
