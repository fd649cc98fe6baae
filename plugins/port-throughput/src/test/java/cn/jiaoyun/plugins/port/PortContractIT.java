package cn.jiaoyun.plugins.port;

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

/** The port-throughput jar Maven built keeps the plugin contract; ports are the sample records. */
@JiaoyunTest
class PortContractIT extends PluginContractTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected String moduleId() {
        return "port-throughput";
    }

    @Override
    protected HttpClient client() {
        return client;
    }

    @Override
    protected List<String> readPaths() {
        return List.of("/ports", "/projects", "/statistics/2023/6", "/summary/2023/6");
    }

    @Override
    protected Object writeSample(ApiSession bureauAdmin) {
        return bureauAdmin.post(base() + "/ports", Map.of("name", "店口港", "openedOn", "2023-06-28")).body().get("id");
    }

    @Override
    protected boolean sees(ApiSession session, Object sample) {
        return session.get(base() + "/ports/" + sample).code() == 200;
    }

    @Test
    void badInputNamesTheFieldAndOnlyAdministratorsAddPorts() {
        var bad = adminA.post(base() + "/ports", Map.of("name", "绍兴港", "openedOn", "2023年6月"));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("openedOn");
        Object port = writeSample(adminA);
        assertThat(adminA.post(base() + "/ports", Map.of("name", "店口港")).code()).isEqualTo(409);
        assertThat(ApiSession.demo(client, bureauA(), "reporter").post(base() + "/ports", Map.of("name", "柯桥港")).code())
                .isEqualTo(403);
        var area = adminA.post(base() + "/ports/" + port + "/areas", Map.of("name", "店口作业区"));
        assertThat(area.code()).isEqualTo(201);
        var berth = adminA.post(base() + "/areas/" + area.body().get("id") + "/berths",
                Map.of("name", "1号泊位", "tonnageClass", "1000吨级", "capacityWanTonnes", 90, "status", "停用"));
        assertThat(berth.code()).as("%s", berth.body()).isEqualTo(201);
        assertThat(adminA.get(base() + "/ports/" + port).body().toString()).contains("1号泊位", "1000吨级", "OUT_OF_SERVICE");
        var badStatus = adminA.put(base() + "/berths/" + berth.body().get("id"), Map.of("status", "坏了"));
        assertThat(badStatus.code()).isEqualTo(400);
        assertThat(badStatus.body().toString()).contains("status");
        assertThat(adminB.put(base() + "/berths/" + berth.body().get("id"), Map.of("status", "在用")).code()).isEqualTo(404);
        assertThat(adminB.post(base() + "/ports/" + port + "/areas", Map.of("name", "x")).code()).isEqualTo(404);
    }

    @Override
    protected List<CorpusRequest> moduleCorpus() {
        return List.of(
                new CorpusRequest("POST", "/projects", """
                        {"name": "巨额码头", "kind": "BERTH", "totalWanYuan": 1e20}""", Set.of(400)),
                new CorpusRequest("POST", "/projects", """
                        {"name": "远年码头", "kind": "BERTH", "year": 99999}""", Set.of(400)),
                new CorpusRequest("PUT", "/statistics/2023/6", """
                        {"throughput": [{"cargoClass": "集装箱", "direction": "IN", "wanTonnes": 1}]}""",
                        Set.of(400)));
    }

    @Override
    protected CorpusRequest uniqueCreate() {
        return new CorpusRequest("POST", "/projects", """
                {"name": "并发码头", "kind": "BERTH"}""", Set.of(201, 409));
    }
}
