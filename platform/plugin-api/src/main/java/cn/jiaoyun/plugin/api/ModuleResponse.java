package cn.jiaoyun.plugin.api;

import java.util.Objects;

/**
 * What an endpoint answers. A {@code body} is written as JSON: records, maps, lists, strings,
 * numbers, booleans, enums (by name) and {@code java.time} values (ISO-8601) are supported.
 * A file answer carries bytes with a content type and a download name instead.
 */
public record ModuleResponse(int status, Object body, String contentType, String fileName, byte[] bytes) {

    public ModuleResponse {
        if (status < 200 || status > 399) {
            throw new IllegalArgumentException("Use ModuleProblem for error status " + status);
        }
    }

    public static ModuleResponse ok(Object body) {
        return new ModuleResponse(200, body, null, null, null);
    }

    public static ModuleResponse created(Object body) {
        return new ModuleResponse(201, body, null, null, null);
    }

    public static ModuleResponse noContent() {
        return new ModuleResponse(204, null, null, null, null);
    }

    /** A download, e.g. an {@code .xlsx} export. */
    public static ModuleResponse file(String contentType, String fileName, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new ModuleResponse(200, null, contentType, fileName, bytes);
    }

    public boolean isFile() {
        return bytes != null;
    }
}
