package cn.jiaoyun.host;

import java.util.List;

/**
 * An uploaded module jar that passed inspection: what its manifest says and what the host
 * recorded about it.
 *
 * @param requires     {@code Plugin-Requires}: the platform versions it runs on, or null
 * @param dependencies {@code Plugin-Dependencies} as written, or null
 * @param entryClasses the classes listed in {@code META-INF/extensions.idx}
 * @param signedBy     the subject of the trusted certificate that signed it, or null
 */
public record PluginJar(String fileName, String id, String version, String requires, String dependencies,
                        List<String> entryClasses, String sha256, String signedBy, byte[] bytes) {

    public long size() {
        return bytes.length;
    }
}
