package cn.jiaoyun.plugin.api;

import java.util.Objects;

/**
 * A bureau (tenant): its code, the value of {@code tenant_id} in every table, and its name.
 *
 * @param code       e.g. {@code shaoxing}
 * @param name       e.g. 绍兴市交通运输局
 * @param regionCode the six-digit administrative division code, e.g. {@code 330600}
 */
public record BureauRef(String code, String name, String regionCode) {

    public BureauRef {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("A bureau code must not be blank");
        }
    }
}
