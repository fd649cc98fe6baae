package cn.jiaoyun.host;

import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.plugin.api.ModuleProblem;
import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of exception a module call can end in, and whether it is the caller's mistake (with
 * the status and field answered) or the module's fault; no answer carries the database's words.
 */
class CallerFaultTest {

    /** An exception as the PostgreSQL driver throws it, with the server's fields. */
    private static PSQLException postgres(String state, String message, String detail, String constraint,
                                          String column) {
        StringBuilder fields = new StringBuilder("SERROR\0VERROR\0C").append(state).append("\0M").append(message)
                .append('\0');
        if (detail != null) {
            fields.append('D').append(detail).append('\0');
        }
        if (constraint != null) {
            fields.append('n').append(constraint).append('\0');
        }
        if (column != null) {
            fields.append('c').append(column).append('\0');
        }
        fields.append("soverload_secret\0toe_site\0");
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    /** As the host's {@code Sql} wraps it, inside a module's own wrapper. */
    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("saving failed",
                new HostSql.ModuleSqlException("insert into oe_site (tenant_id, code) values (?, ?)", e));
    }

    private static ApiProblem callers(Throwable t, CallerFault.Input input) {
        Optional<ApiProblem> p = CallerFault.of(t, input, "passes.xlsx");
        assertThat(p).as("the caller's mistake: %s", t).isPresent();
        String both = p.get().fullDetail(Locale.SIMPLIFIED_CHINESE) + " " + p.get().fullDetail(Locale.ENGLISH);
        assertThat(both).doesNotContain("oe_site", "insert", "shaoxing", "Exception", "constraint", "secret",
                "chk_", "_key", "cn.jiaoyun", "java.");
        return p.get();
    }

    private static void assertField(ApiProblem p, String field) {
        assertThat(p.fieldErrors()).extracting(ApiProblem.FieldError::field).containsExactly(field);
    }

    @Test
    void aModuleProblemIsAnsweredWithItsStatusFieldAndText() {
        ApiProblem p = callers(new RuntimeException(ModuleProblem.badInput("code", "编号不能为空", "code is empty")),
                CallerFault.Input.BODY);
        assertThat(p.status().getCode()).isEqualTo(400);
        assertField(p, "code");
        assertThat(p.fullDetail(Locale.SIMPLIFIED_CHINESE)).contains("编号不能为空");
        assertThat(p.fullDetail(Locale.ENGLISH)).contains("code is empty");
    }

    @Test
    void anApiProblemOfTheHostInsideTheCallIsAnsweredAsItIs() {
        ApiProblem bad = ApiProblem.badField("body", "problem.plugin.json.empty");
        assertThat(CallerFault.of(new IllegalStateException(bad), CallerFault.Input.BODY, null)).containsSame(bad);
    }

    @Test
    void dataExceptionsOfClass22AreBadRequestsNamingTheInput() {
        ApiProblem overflow = callers(wrapped(postgres("22003", "numeric field overflow",
                "A field with precision 12, scale 2 must round to an absolute value less than 10^10.", null, null)),
                CallerFault.Input.BODY);
        assertThat(overflow.status().getCode()).isEqualTo(400);
        assertField(overflow, "body");
        assertThat(overflow.fullDetail(Locale.SIMPLIFIED_CHINESE)).contains("数值超出");

        ApiProblem text = callers(wrapped(postgres("22P02", "invalid input syntax for type integer: \"七\"", null, null,
                null)), CallerFault.Input.BODY);
        assertThat(text.status().getCode()).isEqualTo(400);
        assertThat(text.fullDetail(Locale.SIMPLIFIED_CHINESE)).doesNotContain("七");

        ApiProblem nul = callers(wrapped(postgres("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", null,
                null, null)), CallerFault.Input.FILE);
        assertField(nul, "file");
        assertThat(nul.fullDetail(Locale.ENGLISH)).contains("NUL");

        ApiProblem none = callers(new SQLException("value too long for type character varying(20)", "22001"),
                CallerFault.Input.NONE);
        assertThat(none.status().getCode()).isEqualTo(400);
        assertThat(none.fieldErrors()).isEmpty();
    }

    @Test
    void aUniqueViolationIsAConflictNamingTheColumnWithoutItsValues() {
        ApiProblem p = callers(wrapped(postgres("23505",
                "duplicate key value violates unique constraint \"oe_site_tenant_id_code_key\"",
                "Key (tenant_id, site_code)=(shaoxing, 钱清) already exists.", "oe_site_tenant_id_code_key", null)),
                CallerFault.Input.BODY);
        assertThat(p.status().getCode()).isEqualTo(409);
        assertField(p, "siteCode");
        assertThat(p.fullDetail(Locale.SIMPLIFIED_CHINESE)).contains("重复").doesNotContain("钱清");
    }

    @Test
    void checkNotNullAndForeignKeyViolationsAreTheCallers() {
        ApiProblem check = callers(wrapped(postgres("23514",
                "new row for relation \"oe_site\" violates check constraint \"oe_site_code_check\"",
                "Failing row contains (shaoxing, 7, 钱清治超点).", "oe_site_code_check", null)), CallerFault.Input.BODY);
        assertThat(check.status().getCode()).isEqualTo(400);
        assertField(check, "body");
        assertThat(check.fullDetail(Locale.SIMPLIFIED_CHINESE)).doesNotContain("钱清");

        ApiProblem missing = callers(wrapped(postgres("23502",
                "null value in column \"road_class\" of relation \"oe_site\" violates not-null constraint",
                "Failing row contains (shaoxing, 7, null).", null, "road_class")), CallerFault.Input.BODY);
        assertThat(missing.status().getCode()).isEqualTo(400);
        assertField(missing, "roadClass");

        ApiProblem reference = callers(wrapped(postgres("23503",
                "insert or update on table \"oe_lane\" violates foreign key constraint \"oe_lane_site_fkey\"",
                "Key (tenant_id, site_id)=(shaoxing, 9) is not present in table \"oe_site\".", "oe_lane_site_fkey",
                null)), CallerFault.Input.BODY);
        assertThat(reference.status().getCode()).isEqualTo(422);
    }

    @Test
    void serializationFailuresAndDeadlocksAskToRetry() {
        for (String state : new String[] {"40001", "40P01", "55P03"}) {
            ApiProblem p = callers(wrapped(postgres(state, "could not serialize access", null, null, null)),
                    CallerFault.Input.BODY);
            assertThat(p.status().getCode()).as(state).isEqualTo(409);
            assertThat(p.retryAfterSeconds()).as(state).isNotNull();
        }
    }

    @Test
    void theDatabaseAwayIsNoFaultOfTheModule() {
        for (String state : new String[] {"08006", "53300", "57P01"}) {
            ApiProblem p = callers(wrapped(postgres(state, "terminating connection", null, null, null)),
                    CallerFault.Input.NONE);
            assertThat(p.status().getCode()).as(state).isEqualTo(503);
            assertThat(p.retryAfterSeconds()).as(state).isNotNull();
        }
    }

    @Test
    void anUnreadableUploadIsABadFile() {
        for (Throwable t : new Throwable[] {
            new IOException("Stream closed"),
            new EOFException(),
            new UncheckedIOException(new MalformedInputException(1)),
            new ZipException("invalid stored block lengths"),
            new IllegalStateException(new IOException("Truncated ZIP file")),
            new EmptyFileException(),
            new NotOfficeXmlFileException("No valid entries or contents found"),
            new POIXMLException("broken"),
        }) {
            ApiProblem p = callers(t, CallerFault.Input.FILE);
            assertThat(p.status().getCode()).as("%s", t).isEqualTo(400);
            assertField(p, "file");
            assertThat(p.fullDetail(Locale.SIMPLIFIED_CHINESE)).contains("passes.xlsx").contains("无法读取");
        }
    }

    @Test
    void aZipBombIsNamedAsSuch() {
        ApiProblem p = callers(new IOException("Zip bomb detected! The file would exceed the max. ratio of"
                + " compressed file size to the size of the expanded data."), CallerFault.Input.FILE);
        assertField(p, "file");
        assertThat(p.fullDetail(Locale.SIMPLIFIED_CHINESE)).contains("压缩炸弹");
        assertThat(p.fullDetail(Locale.ENGLISH)).contains("zip bomb");
    }

    @Test
    void valuesOfTheWrongTypeAreTheCallers() {
        for (Throwable t : new Throwable[] {
            new NumberFormatException("For input string: \"十二\""),
            new DateTimeParseException("Text '2020-13-01' could not be parsed", "2020-13-01", 5),
            new ClassCastException("class java.lang.String cannot be cast to class java.math.BigDecimal"),
            new ArithmeticException("Overflow"),
        }) {
            ApiProblem p = callers(t, CallerFault.Input.BODY);
            assertThat(p.status().getCode()).as("%s", t).isEqualTo(400);
            assertField(p, "body");
        }
    }

    @Test
    void theModulesOwnFaultsAreNotTheCallers() {
        assertThat(CallerFault.of(new IllegalStateException("kaboom"), CallerFault.Input.BODY, null)).isEmpty();
        assertThat(CallerFault.of(new NullPointerException(), CallerFault.Input.FILE, "a.csv")).isEmpty();
        assertThat(CallerFault.of(new NoClassDefFoundError("org/apache/Missing"), CallerFault.Input.NONE, null))
                .isEmpty();
        assertThat(CallerFault.of(wrapped(postgres("42P01", "relation \"oe_sitez\" does not exist", null, null, null)),
                CallerFault.Input.BODY, null)).as("a bug in the module's SQL").isEmpty();
        assertThat(CallerFault.of(wrapped(postgres("42501", "permission denied for table tenant", null, null, null)),
                CallerFault.Input.BODY, null)).isEmpty();
        assertThat(CallerFault.of(new IOException("disk full"), CallerFault.Input.BODY, null))
                .as("I/O is the file's fault only while reading an upload").isEmpty();
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(CallerFault.of(a, CallerFault.Input.BODY, null)).isEmpty();
    }
}
