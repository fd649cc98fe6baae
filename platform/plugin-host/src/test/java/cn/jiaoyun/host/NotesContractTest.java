package cn.jiaoyun.host;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.plugins.PluginContractTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The contract tests themselves, run against the notes test module (and thereby checked to work). */
@JiaoyunTest
class NotesContractTest extends PluginContractTest {

    @Inject
    @Client("/")
    HttpClient client;

    @TempDir
    static Path jars;

    private static Path jar;

    @Override
    protected String moduleId() {
        return NotesModules.ID;
    }

    @Override
    protected Path pluginJar() {
        if (jar == null) {
            jar = NotesModules.notes("1.0.0").build(jars);
        }
        return jar;
    }

    @Override
    protected HttpClient client() {
        return client;
    }

    @Override
    protected List<String> readPaths() {
        return List.of("/notes", "/version");
    }

    @Override
    protected Object writeSample(ApiSession bureauAdmin) {
        return bureauAdmin.post(base() + "/notes", Map.of("body", "契约测试样本")).body().get("id");
    }

    @Override
    protected boolean sees(ApiSession session, Object sample) {
        return session.get(base() + "/notes/" + sample).code() == 200;
    }
}
