package cn.jiaoyun.host;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleRequest;
import cn.jiaoyun.plugin.api.ModuleUser;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A request handed to a module endpoint. */
record HostModuleRequest(BureauRef bureau, ModuleUser user, Locale locale, Map<String, String> pathParameters,
                         Map<String, List<String>> queryParameters, String body,
                         Function<String, Map<String, Object>> parser) implements ModuleRequest {

    @Override
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The endpoint's path has no parameter {" + name + "}");
        }
        return value;
    }

    @Override
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public Map<String, Object> json() {
        return parser.apply(body);
    }
}
