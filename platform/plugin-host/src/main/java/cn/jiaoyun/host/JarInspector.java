package cn.jiaoyun.host;

import cn.jiaoyun.core.web.ApiProblem;
import com.github.zafarkhaja.semver.Version;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The first gate of an upload: size, archive shape (no zip bomb), manifest, entry point, no
 * bundled platform classes, and the signature against the trusted certificates. Reads the
 * archive as a stream and counts what it inflates, never trusting the sizes the archive declares.
 */
@Singleton
public class JarInspector {

    static final String EXTENSION_INDEX = "META-INF/extensions.idx";
    private static final String ID_PATTERN = "[a-z][a-z0-9-]{1,62}";
    private static final List<String> PLATFORM_PACKAGES = List.of("cn/jiaoyun/plugin/api/", "org/pf4j/");

    private final PluginSettings settings;
    private final List<X509Certificate> trusted;

    public JarInspector(PluginSettings settings) {
        this.settings = settings;
        this.trusted = readCertificates(settings.trustedCertificates());
    }

    /** Inspects {@code bytes}, uploaded as {@code fileName}; refuses with a reason naming the file. */
    public PluginJar inspect(String fileName, byte[] bytes) {
        if (bytes.length > settings.maxJarBytes()) {
            throw new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "problem.plugin.too-large",
                    fileName, settings.maxJarBytes() / (1024 * 1024));
        }
        Scan scan = scan(fileName, bytes);
        if (scan.manifest == null) {
            throw refuse("problem.plugin.no-manifest", fileName);
        }
        Attributes main = scan.manifest.getMainAttributes();
        String id = attribute(fileName, main, "Plugin-Id");
        if (!id.matches(ID_PATTERN)) {
            throw refuse("problem.plugin.manifest-attribute", fileName, "Plugin-Id",
                    "'" + id + "' ≠ " + ID_PATTERN);
        }
        String version = attribute(fileName, main, "Plugin-Version");
        if (Version.tryParse(version).isEmpty()) {
            throw refuse("problem.plugin.manifest-attribute", fileName, "Plugin-Version",
                    "'" + version + "' is not a semantic version (1.2.3)");
        }
        String requires = blankToNull(main.getValue("Plugin-Requires"));
        if (scan.platformClass != null) {
            throw refuse("problem.plugin.bundles-platform", fileName, scan.platformClass);
        }
        if (scan.entryClasses.isEmpty()) {
            throw refuse("problem.plugin.no-entry", fileName);
        }
        String signedBy = verifySignature(fileName, id, bytes);
        return new PluginJar(fileName, id, version, requires, blankToNull(main.getValue("Plugin-Dependencies")),
                scan.entryClasses, sha256(bytes), signedBy, bytes);
    }

    private record Scan(Manifest manifest, List<String> entryClasses, String platformClass) {
    }

    private Scan scan(String fileName, byte[] bytes) {
        long limit = Math.min(settings.maxExpandedBytes(), (long) settings.maxCompressionRatio() * Math.max(bytes.length, 1024));
        long expanded = 0;
        int entries = 0;
        Manifest manifest = null;
        List<String> entryClasses = new ArrayList<>();
        String platformClass = null;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > settings.maxEntries()) {
                    throw refuse("problem.plugin.zip-bomb", fileName, settings.maxEntries() + " entries");
                }
                String name = entry.getName();
                if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
                    throw refuse("problem.plugin.manifest-attribute", fileName, "entry", "unsafe path " + name);
                }
                boolean keep = name.equals(JarFile.MANIFEST_NAME) || name.equals(EXTENSION_INDEX);
                java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    expanded += n;
                    if (expanded > limit) {
                        throw refuse("problem.plugin.zip-bomb", fileName, limit / (1024 * 1024) + " MB");
                    }
                    if (kept != null) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (name.equals(JarFile.MANIFEST_NAME)) {
                    manifest = new Manifest(new ByteArrayInputStream(kept.toByteArray()));
                } else if (name.equals(EXTENSION_INDEX)) {
                    kept.toString(StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(entryClasses::add);
                } else if (platformClass == null && name.endsWith(".class")
                        && PLATFORM_PACKAGES.stream().anyMatch(name::startsWith)) {
                    platformClass = name;
                }
            }
        } catch (ZipException e) {
            throw refuse("problem.plugin.not-a-jar", fileName);
        } catch (IOException e) {
            throw refuse("problem.plugin.not-a-jar", fileName);
        }
        if (entries == 0) {
            throw refuse("problem.plugin.not-a-jar", fileName);
        }
        return new Scan(manifest, entryClasses, platformClass);
    }

    /** The signer's subject when the jar is signed by a trusted certificate; null when unsigned and allowed. */
    private String verifySignature(String fileName, String id, byte[] bytes) {
        if (trusted.isEmpty() && !settings.signatureRequired()) {
            return null;
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(settings.cacheDirectory(), "verify-", ".jar");
            Files.write(temp, bytes);
            X509Certificate signer = null;
            boolean unsigned = false;
            try (JarFile jar = new JarFile(temp.toFile(), true)) {
                var entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                        continue;
                    }
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                    CodeSigner[] signers = entry.getCodeSigners();
                    X509Certificate found = signers == null ? null : trustedSigner(signers);
                    if (signers == null || signers.length == 0) {
                        unsigned = true;
                    } else if (found == null) {
                        Certificate c = signers[0].getSignerCertPath().getCertificates().get(0);
                        throw refuse("problem.plugin.untrusted", id,
                                c instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : c.getType());
                    } else {
                        signer = found;
                    }
                }
            } catch (SecurityException e) {
                throw refuse("problem.plugin.untrusted", id, e.getMessage());
            }
            if (unsigned || signer == null) {
                if (settings.signatureRequired()) {
                    throw refuse("problem.plugin.unsigned", id);
                }
                return null;
            }
            return signer.getSubjectX500Principal().getName();
        } catch (IOException e) {
            throw refuse("problem.plugin.not-a-jar", fileName);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file in our own cache directory; it is cleared at the next start
                }
            }
        }
    }

    private X509Certificate trustedSigner(CodeSigner[] signers) {
        for (CodeSigner signer : signers) {
            for (Certificate c : signer.getSignerCertPath().getCertificates()) {
                if (c instanceof X509Certificate x && trusted.contains(x)) {
                    return x;
                }
            }
        }
        return null;
    }

    private static List<X509Certificate> readCertificates(List<Path> files) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate c : factory.generateCertificates(in)) {
                        out.add((X509Certificate) c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a trusted certificate: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalStateException("A trusted certificate is not a PEM X.509 certificate: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attribute(String fileName, Attributes main, String name) {
        String value = blankToNull(main.getValue(name));
        if (value == null) {
            throw refuse("problem.plugin.manifest-attribute", fileName, name, "missing");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ApiProblem refuse(String key, Object... args) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, key, args);
    }
}
