package cn.jiaoyun.host;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Importers, dashboard cards, dependencies, audit, and an upgrade whose migration fails. */
@JiaoyunTest
class ContributionsTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    PluginRuntime runtime;
    @Inject
    BureauModules bureauModules;

    ApiSession platform;
    ApiSession shaoxing;

    @BeforeEach
    void install() {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(platform.upload("/api/admin/plugins", "notes.jar", NotesModules.notes("1.0.0").buildBytes(), Map.of())
                .code()).isEqualTo(201);
        shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of());
    }

    @AfterEach
    void purge() {
        platform.delete("/api/admin/plugins/dependent?purge=true");
        platform.delete("/api/admin/plugins/notes?purge=true");
    }

    @Test
    void anImporterKeepsGoodRowsAndNamesTheBadOnesByLine() {
        byte[] csv = "第一条\n\n第三条\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<Map<String, Object>> r = shaoxing.upload("/api/modules/notes/imports/lines", "notes.csv", csv, Map.of());
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        assertThat(r.body()).containsEntry("accepted", 2);
        assertThat(r.body().get("problems").toString()).contains("line=2").contains("第 2 行为空");
        assertThat((List<?>) shaoxing.getAny("/api/modules/notes/notes").body()).hasSize(2);

        HttpResponse<Map<String, Object>> wrongType = shaoxing.upload("/api/modules/notes/imports/lines", "notes.pdf", csv, Map.of());
        assertThat(wrongType.code()).isEqualTo(400);
        assertThat(wrongType.body().toString()).contains("notes.pdf").contains("csv, txt");
        assertThat(ApiSession.demo(client, "shaoxing", "reporter")
                .upload("/api/modules/notes/imports/lines", "notes.csv", csv, Map.of()).code()).isEqualTo(403);
    }

    @Test
    void dashboardCardsComputeForTheBureau() throws Exception {
        shaoxing.post("/api/modules/notes/notes", Map.of("body", "一"));
        RunningModule notes = runtime.running("notes").orElseThrow();
        var card = notes.dashboardCards().get(0);
        var shaoxingValue = notes.call(() -> card.source().value(bureauModules.bureau("shaoxing")));
        var zhujiValue = notes.call(() -> card.source().value(bureauModules.bureau("zhuji")));
        assertThat(shaoxingValue.figure()).isEqualTo("1 条");
        assertThat(zhujiValue.figure()).isEqualTo("0 条");
    }

    @Test
    void aModuleInstallsWhenItsDependencyRuns() {
        byte[] dependent = NotesModules.echo("1.0.0").manifestAttribute("Plugin-Id", "dependent")
                .dependencies("notes@>=1.0.0").buildBytes();
        HttpResponse<Map<String, Object>> r = platform.upload("/api/admin/plugins", "dependent.jar", dependent, Map.of());
        assertThat(r.code()).as("%s", r.body()).isEqualTo(201);
        assertThat(r.body()).containsEntry("state", "ACTIVE").containsEntry("dependencies", "notes@>=1.0.0");
    }

    @Test
    void anUpgradeWhoseMigrationFailsLeavesTheOldVersionServing() {
        shaoxing.post("/api/modules/notes/notes", Map.of("body", "升级前"));
        byte[] broken = NotesModules.notesV2().resource("db/notes/002-tags.sql", """
                --liquibase formatted sql
                --changeset notes:002-tag
                create table demo_tag (name text);
                alter table demo_note add column oops no_such_type;
                """).buildBytes();
        HttpResponse<Map<String, Object>> r = platform.upload("/api/admin/plugins/notes", "notes-2.0.0.jar", broken, Map.of());
        assertThat(r.code()).isEqualTo(422);
        assertThat((String) r.body().get("detail")).contains("no_such_type");
        assertThat(shaoxing.get("/api/modules/notes/version").body()).containsEntry("version", "1.0.0");
        assertThat(shaoxing.getAny("/api/modules/notes/tags").code()).isEqualTo(404);
        assertThat((List<?>) shaoxing.getAny("/api/modules/notes/notes").body()).hasSize(1);
    }

    @Test
    void everyChangeIsAudited() {
        platform.upload("/api/admin/plugins/notes", "notes-2.0.0.jar", NotesModules.notesV2().buildBytes(), Map.of());
        shaoxing.delete("/api/tenants/shaoxing/modules/notes");
        platform.delete("/api/admin/plugins/notes?purge=true");
        String log = platform.getAny("/api/platform/audit").body().toString();
        assertThat(log).contains("MODULE_INSTALLED").contains("MODULE_UPGRADED").contains("MODULE_REMOVED")
                .contains("MODULE_PURGED").contains("version=2.0.0");
        String bureauLog = shaoxing.getAny("/api/audit").body().toString();
        assertThat(bureauLog).contains("MODULE_ENABLED").contains("MODULE_DISABLED");
    }
}
