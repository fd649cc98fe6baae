package cn.jiaoyun.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database prepared for Jiaoyun: where it is, the owner login that runs migrations and the
 * application login the server uses for everything else.
 */
public record JiaoyunDatabase(String jdbcUrl, Credentials owner, Credentials app) {

    /** The server's configuration properties that point both datasources at this database. */
    public Map<String, Object> serverProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("datasources.default.url", jdbcUrl);
        p.put("datasources.default.username", app.username());
        p.put("datasources.default.password", app.password());
        p.put("datasources.owner.url", jdbcUrl);
        p.put("datasources.owner.username", owner.username());
        p.put("datasources.owner.password", owner.password());
        return p;
    }
}
