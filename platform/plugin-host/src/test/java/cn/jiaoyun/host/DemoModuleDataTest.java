package cn.jiaoyun.host;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.bureau.BureauStartup;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
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

/**
 * Demo figures kept beside a bureau's definition ({@code demo/<module-id>/<importer>-….csv}) go
 * through the module's own importer for the bureaus that enable it, and only for those.
 */
@JiaoyunTest
class DemoModuleDataTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DemoModuleData demoData;
    @Inject
    BureauStartup bureaus;

    ApiSession platform;

    @BeforeEach
    void install() {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        assertThat(platform.upload("/api/admin/plugins", "notes.jar", NotesModules.notes("1.0.0").buildBytes(), Map.of())
                .code()).isEqualTo(201);
        ApiSession.demo(client, "shaoxing", "admin").put("/api/tenants/shaoxing/modules/notes", Map.of());
    }

    @AfterEach
    void purge() {
        platform.delete("/api/admin/plugins/notes?purge=true");
    }

    @Test
    void eachEnablingBureauGetsItsFilesThroughTheModulesImporter() {
        List<BureauDefinitionFiles.Entry> entries = bureaus.lastRead().stream()
                .filter(e -> e.valid() && List.of("shaoxing", "zhuji").contains(e.definition().code()))
                .map(e -> new BureauDefinitionFiles.Entry(e.source(), e.definition(), null, Map.of(
                        "notes/lines-2.csv", ("第二个文件\n").getBytes(StandardCharsets.UTF_8),
                        "notes/lines-1.csv", (e.definition().code() + "的演示笔记\n\n另一条\n").getBytes(StandardCharsets.UTF_8),
                        "notes/README.md", "说明".getBytes(StandardCharsets.UTF_8),
                        "notes/nothing-here.csv", "x".getBytes(StandardCharsets.UTF_8),
                        "other-module/lines.csv", "不属于此模块".getBytes(StandardCharsets.UTF_8))))
                .toList();
        assertThat(entries).hasSize(2);

        List<DemoModuleData.Loaded> loaded = demoData.load("notes", entries);

        // zhuji has not enabled the module: nothing of it is loaded
        assertThat(loaded).extracting(DemoModuleData.Loaded::bureau).containsOnly("shaoxing");
        assertThat(loaded).extracting(DemoModuleData.Loaded::file)
                .containsExactly("lines-1.csv", "lines-2.csv", "nothing-here.csv");
        DemoModuleData.Loaded first = loaded.get(0);
        assertThat(first.outcome().accepted()).isEqualTo(2);
        assertThat(first.outcome().problems()).singleElement().extracting(p -> p.line()).isEqualTo(2L);
        assertThat(first.clean()).isFalse();
        assertThat(loaded.get(1).clean()).isTrue();
        assertThat(loaded.get(2).error()).isEqualTo("no importer");

        List<?> notes = (List<?>) ApiSession.demo(client, "shaoxing", "admin").getAny("/api/modules/notes/notes").body();
        assertThat(notes.toString()).contains("shaoxing的演示笔记", "另一条", "第二个文件").doesNotContain("不属于此模块");
    }
}
