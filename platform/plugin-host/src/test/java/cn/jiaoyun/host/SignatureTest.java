package cn.jiaoyun.host;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.plugins.TestSigner;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With trusted certificates configured and signatures required, only modules signed by them install. */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureTest implements TestPropertyProvider {

    private static final Path KEYS = temp();
    private static final TestSigner TRUSTED = TestSigner.create(KEYS, "Jiaoyun Modules Test CA");
    private static final TestSigner STRANGER = TestSigner.create(KEYS, "Somebody Else");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("jiaoyun.plugins.trusted-certificates", TRUSTED.certificatePem().toString(),
                "jiaoyun.plugins.signature-required", "true");
    }

    @AfterEach
    void purge() {
        platform().delete("/api/admin/plugins/echo?purge=true");
    }

    @Test
    void anUnsignedModuleIsRefused() {
        HttpResponse<Map<String, Object>> r = platform().upload("/api/admin/plugins", "echo.jar",
                NotesModules.echo("1.0.0").buildBytes(), Map.of());
        assertThat(r.code()).isEqualTo(422);
        assertThat((String) r.body().get("detail")).contains("echo").contains("未签名");
    }

    @Test
    void aModuleSignedByAnUntrustedCertificateIsRefused() {
        HttpResponse<Map<String, Object>> r = platform().upload("/api/admin/plugins", "echo.jar",
                NotesModules.echo("1.0.0").signedWith(STRANGER).buildBytes(), Map.of());
        assertThat(r.code()).isEqualTo(422);
        assertThat((String) r.body().get("detail")).contains("Somebody Else");
    }

    @Test
    void aModuleSignedByATrustedCertificateInstallsAndRecordsItsSigner() {
        HttpResponse<Map<String, Object>> r = platform().upload("/api/admin/plugins", "echo.jar",
                NotesModules.echo("1.0.0").signedWith(TRUSTED).buildBytes(), Map.of());
        assertThat(r.code()).as("%s", r.body()).isEqualTo(201);
        assertThat((String) r.body().get("signedBy")).contains("Jiaoyun Modules Test CA");
    }

    private ApiSession platform() {
        return ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("jiaoyun-signing-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
