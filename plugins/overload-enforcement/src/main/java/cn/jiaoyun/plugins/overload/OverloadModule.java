package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.Endpoint;
import cn.jiaoyun.plugin.api.JiaoyunModule;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleResponse;
import org.pf4j.Extension;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 治超非现场执法: the overload-enforcement module. So far: sites and lanes, and the legal limits
 * as reference data; pass records, judgement, cases and indicators follow.
 */
@Extension
public class OverloadModule implements JiaoyunModule {

    private Sites sites;
    private ModuleContext context;

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        this.sites = new Sites(context.data());
    }

    @Override
    public Set<String> referenceTables() {
        return Set.of("oe_gross_limit");
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/sites", r -> ModuleResponse.ok(sites.list(r.bureau()))),
                Endpoint.get("/sites/{id}", r -> ModuleResponse.ok(sites.get(r.bureau(), id(r.pathParameter("id"))))),
                Endpoint.post("/sites", r -> ModuleResponse.created(Map.of("id", sites.create(r.bureau(), r.json()))))
                        .forRoles("BUREAU_ADMIN"),
                Endpoint.post("/sites/{id}/lanes", r -> ModuleResponse.created(Map.of("id",
                        sites.addLane(r.bureau(), id(r.pathParameter("id")), r.json())))).forRoles("BUREAU_ADMIN"),
                Endpoint.get("/limits", r -> ModuleResponse.ok(context.data().readReference(sql -> sql.query(
                        "select axles, kind, single_drive_axle, limit_kg, note from oe_gross_limit order by axles, kind, single_drive_axle",
                        rs -> Map.of("axles", rs.getInt(1), "kind", rs.getString(2), "singleDriveAxle", rs.getBoolean(3),
                                "limitKg", rs.getInt(4), "note", rs.getString(5), "rules", GrossLimits.RULES))))));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw cn.jiaoyun.plugin.api.ModuleProblem.notFound("没有编号为 " + text + " 的执法点", "No site " + text);
        }
    }
}
