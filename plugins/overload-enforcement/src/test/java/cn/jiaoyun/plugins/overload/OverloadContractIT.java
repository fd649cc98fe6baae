package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.plugins.PluginContractTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar Maven built keeps the plugin contract on a real server; its sites and limits work. */
@JiaoyunTest
class OverloadContractIT extends PluginContractTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected String moduleId() {
        return "overload-enforcement";
    }

    @Override
    protected HttpClient client() {
        return client;
    }

    @Override
    protected List<String> readPaths() {
        return List.of("/sites", "/limits");
    }

    @Override
    protected Object writeSample(ApiSession bureauAdmin) {
        return bureauAdmin.post(base() + "/sites", Map.of("code", "S1", "name", "钱清治超点", "road", "G104",
                "roadClass", "ORDINARY", "commissionedOn", "2020-06-30")).body().get("id");
    }

    @Override
    protected boolean sees(ApiSession session, Object sample) {
        return session.get(base() + "/sites/" + sample).code() == 200;
    }

    @Test
    void theLegalLimitsAreReadableReferenceData() {
        List<?> limits = (List<?>) adminB.getAny(base() + "/limits").body();
        assertThat(limits).hasSize(8);
        assertThat(limits.toString()).contains("limitKg=46000").contains("牵引车驱动轴为单轴");
    }

    @Test
    void badSiteInputNamesTheField() {
        var r = adminA.post(base() + "/sites", Map.of("code", "S2", "name", "x", "road", "G1", "roadClass", "HIGHWAY"));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().toString()).contains("roadClass").contains("高速公路");
        long site = ((Number) writeSample(adminA)).longValue();
        assertThat(adminA.post(base() + "/sites/" + site + "/lanes", Map.of("code", "L1", "direction", "上行")).code())
                .isEqualTo(201);
        assertThat(adminA.get(base() + "/sites/" + site).body().toString()).contains("L1").contains("上行");
        assertThat(ApiSession.demo(client, "shaoxing", "reporter").post(base() + "/sites",
                Map.of("code", "S3", "name", "x", "road", "G1", "roadClass", "ORDINARY")).code()).isEqualTo(403);
    }

    @Override
    protected List<CorpusRequest> moduleCorpus() {
        return List.of(
                new CorpusRequest("POST", "/sites", """
                        {"code": "钱清一号", "name": "钱清治超点", "road": "G104", "roadClass": "ORDINARY"}""", Set.of(400)),
                new CorpusRequest("POST", "/sites", """
                        {"code": "S9", "name": "钱清治超点", "road": "G104", "roadClass": "ORDINARY",
                         "commissionedOn": "2020-02-30"}""", Set.of(400)),
                new CorpusRequest("PUT", "/settings", """
                        {"tolerancePercent": 1e20, "hundredTonneKg": -5}""", Set.of(400)));
    }

    @Override
    protected CorpusRequest uniqueCreate() {
        return new CorpusRequest("POST", "/sites", """
                {"code": "CORPUS-1", "name": "并发治超点", "road": "G104", "roadClass": "ORDINARY"}""", Set.of(201, 409));
    }

    @Override
    protected String pathValue(String endpointPath, String parameter, Object sample) {
        return parameter.equals("month") ? "2020-06" : super.pathValue(endpointPath, parameter, sample);
    }
}
