package cn.jiaoyun.core.organisation;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.organisation.OrgTesting.Item;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static cn.jiaoyun.core.organisation.OrgTesting.id;
import static cn.jiaoyun.core.organisation.OrgTesting.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another bureau cannot read or change a bureau's units, departments and aliases by id; platform
 * accounts are refused; PostgreSQL refuses rows of another bureau in the new tables and an alias
 * pointing at another bureau's unit.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationIsolationTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    BureauService bureaus;
    @Inject
    NameAliasRepository aliases;

    ApiSession zhuji;
    ApiSession victim;
    long victimUnit;
    long victimDepartment;
    long victimAlias;
    Unit shaoxingUnit;
    Department shaoxingDepartment;

    @BeforeAll
    void aBureauWithAnAlias() {
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        victim = OrgTesting.bureau(client, "orgvictim", "隔离测试县交通运输局");
        victimUnit = id(victim.post("/api/units", Map.of("name", "隔离测试运输管理中心")));
        victimDepartment = id(victim.post("/api/departments", Map.of("name", "隔离测试港航管理处")));
        HttpResponse<Map<String, Object>> r = victim.upload("/api/worklists/import", "隔离.txt",
                OrgTesting.workList("隔离测试县交通运输局", 2051, Map.of("隔离测试运管中心",
                        List.of(new Item("隔离项目", "完成隔离", "10", "隔离测试港航管理处")))),
                Map.of("year", "2051", "commit", "true", "aliases", "{\"隔离测试运管中心\": " + victimUnit + "}"));
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        victimAlias = ((Number) list(victim.getAny("/api/aliases").body()).get(0).get("id")).longValue();
        shaoxingUnit = bureaus.units("shaoxing").get(0);
        shaoxingDepartment = bureaus.departments("shaoxing").get(0);
    }

    @Test
    void anotherBureauGetsNotFoundForEveryIdAndChangesNothing() {
        List<HttpResponse<Map<String, Object>>> attempts = List.of(
                zhuji.get("/api/units/" + victimUnit),
                zhuji.put("/api/units/" + victimUnit, Map.of("name", "被篡改")),
                zhuji.put("/api/units/" + victimUnit, Map.of("active", false)),
                zhuji.delete("/api/units/" + victimUnit),
                zhuji.get("/api/units/" + shaoxingUnit.id()),
                zhuji.put("/api/units/" + shaoxingUnit.id(), Map.of("name", "被篡改")),
                zhuji.delete("/api/units/" + shaoxingUnit.id()),
                zhuji.get("/api/departments/" + victimDepartment),
                zhuji.put("/api/departments/" + victimDepartment, Map.of("name", "被篡改")),
                zhuji.delete("/api/departments/" + victimDepartment),
                zhuji.put("/api/departments/" + shaoxingDepartment.id(), Map.of("sortOrder", 1)),
                zhuji.get("/api/aliases/" + victimAlias),
                zhuji.delete("/api/aliases/" + victimAlias));
        for (HttpResponse<Map<String, Object>> r : attempts) {
            assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(404);
            assertThat(String.valueOf(r.body())).doesNotContain("隔离测试", shaoxingUnit.name());
        }
        assertThat(zhuji.put("/api/units/order", Map.of("ids", List.of(victimUnit))).code()).isEqualTo(400);
        assertThat(list(zhuji.getAny("/api/aliases").body())).extracting(a -> a.get("name"))
                .doesNotContain("隔离测试运管中心");
        assertThat(list(zhuji.getAny("/api/units").body())).extracting(u -> u.get("name"))
                .doesNotContain("隔离测试运输管理中心", shaoxingUnit.name());

        assertThat(victim.get("/api/units/" + victimUnit).body()).containsEntry("name", "隔离测试运输管理中心")
                .containsEntry("active", true);
        assertThat(victim.get("/api/departments/" + victimDepartment).body()).containsEntry("name", "隔离测试港航管理处");
        assertThat(victim.get("/api/aliases/" + victimAlias).body()).containsEntry("name", "隔离测试运管中心");
        assertThat(bureaus.units("shaoxing")).contains(shaoxingUnit);
    }

    @Test
    void anAliasToAnotherBureausUnitIsRefused() {
        HttpResponse<Map<String, Object>> r = zhuji.upload("/api/worklists/import", "隔离别名.txt",
                OrgTesting.workList("诸暨市交通运输局", 2052, Map.of("隔离测试诸暨不认识的单位",
                        List.of(new Item("隔离项目", "完成隔离", "10", "隔离测试诸暨不认识的科")))),
                Map.of("year", "2052", "commit", "true", "createMissing", "true",
                        "aliases", "{\"隔离测试诸暨不认识的单位\": " + victimUnit + "}"));
        assertThat(r.code()).isEqualTo(400);
        assertThat(OrgTesting.fields(r)).containsExactly("aliases");
        assertThat(String.valueOf(r.body())).doesNotContain("隔离测试运输管理中心");
        assertThat(list(zhuji.getAny("/api/worklists?year=2052").body())).isEmpty();
        assertThat(list(zhuji.getAny("/api/departments").body())).extracting(d -> d.get("name"))
                .doesNotContain("隔离测试诸暨不认识的科");
    }

    @Test
    void platformAccountsAreRefused() {
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        ApiSession analyst = ApiSession.login(client, null, "analyst-330600", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        for (ApiSession s : List.of(platform, analyst)) {
            assertThat(s.getAny("/api/units").code()).isEqualTo(403);
            assertThat(s.post("/api/units", Map.of("name", "平台新建单位")).code()).isEqualTo(403);
            assertThat(s.put("/api/units/" + victimUnit, Map.of("name", "平台改名")).code()).isEqualTo(403);
            assertThat(s.delete("/api/units/" + victimUnit).code()).isEqualTo(403);
            assertThat(s.post("/api/departments", Map.of("name", "平台新建处室")).code()).isEqualTo(403);
            assertThat(s.put("/api/departments/order", Map.of("ids", List.of(victimDepartment))).code()).isEqualTo(403);
            assertThat(s.getAny("/api/aliases").code()).isEqualTo(403);
            assertThat(s.delete("/api/aliases/" + victimAlias).code()).isEqualTo(403);
        }
        assertThat(victim.get("/api/units/" + victimUnit).body()).containsEntry("name", "隔离测试运输管理中心");
        assertThat(victim.get("/api/aliases/" + victimAlias).code()).isEqualTo(200);
    }

    @Test
    void postgresRefusesAnotherBureausRowsInTheNewTables() {
        long zhujiUnit = bureaus.units("zhuji").get(0).id();
        Seen seen = new Seen();
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> {
            aliases.save(new NameAlias(null, "zhuji", NameAlias.UNIT, "隔离测试诸暨别名", "隔离测试诸暨别名", zhujiUnit,
                    null, "zhuji-admin", null));
            seen.aliases = StreamSupport.stream(aliases.findAll().spliterator(), false).toList();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(seen.aliases).as("an unfiltered query").isNotEmpty().extracting(NameAlias::tenantId)
                .containsOnly("zhuji");
        assertThat(tx.inBureau("zhuji", () -> aliases.findById(victimAlias))).isEmpty();
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> aliases.save(new NameAlias(null, "orgvictim",
                NameAlias.UNIT, "偷偷插入", "偷偷插入", victimUnit, null, "zhuji-admin", null))))
                .hasStackTraceContaining("row-level security");
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> aliases.save(new NameAlias(null, "zhuji",
                NameAlias.UNIT, "指向别局", "指向别局", victimUnit, null, "zhuji-admin", null))))
                .as("zhuji's alias pointing at another bureau's unit: the foreign key leads with tenant_id")
                .hasStackTraceContaining("foreign key");
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> sql("""
                insert into provisioned_entry (tenant_id, kind, code, name, position)
                values ('orgvictim', 'UNIT', 'smuggled', '偷偷插入', 1)""")))
                .hasStackTraceContaining("row-level security");

        assertThat(tx.inBureau("zhuji", () -> sql(
                "update department set short_name = '篡改' where tenant_id = 'orgvictim'"))).isZero();
        assertThat(tx.inBureau("zhuji", () -> sql("delete from name_alias where id = " + victimAlias))).isZero();
        assertThat(tx.inBureau("zhuji", () -> sql("delete from unit where tenant_id = 'orgvictim'"))).isZero();
        assertThat(tx.inBureau("zhuji", () -> rows("select tenant_id from provisioned_entry")))
                .containsOnly("zhuji");
        assertThat(tx.onPlatform(() -> rows("select tenant_id from name_alias"))).as("no bureau, no rows").isEmpty();
        assertThat(victim.get("/api/aliases/" + victimAlias).code()).isEqualTo(200);
    }

    private static final class Seen {
        List<NameAlias> aliases = List.of();
    }

    private int sql(String statement) {
        return tx.withConnection(TenantTransactions.currentBureau(), false, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> rows(String query) {
        String bureau = TenantTransactions.currentBureau();
        return tx.withConnection(bureau == null ? "" : bureau, true, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }
}
