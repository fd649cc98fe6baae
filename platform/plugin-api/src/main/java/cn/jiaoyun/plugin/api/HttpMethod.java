package cn.jiaoyun.plugin.api;

/** The HTTP methods a module endpoint may answer. */
public enum HttpMethod {
    GET, POST, PUT, DELETE
}
