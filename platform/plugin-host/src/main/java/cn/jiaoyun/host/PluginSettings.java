package cn.jiaoyun.host;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The operator's settings for plugin modules ({@code jiaoyun.plugins.*}): limits on uploads,
 * trusted signing certificates, where this node unpacks jars, when a faulty module is taken out of
 * service and when it comes back.
 */
@Singleton
public class PluginSettings {

    private final long maxJarBytes;
    private final long maxExpandedBytes;
    private final int maxEntries;
    private final int maxCompressionRatio;
    private final List<Path> trustedCertificates;
    private final boolean signatureRequired;
    private final Path cacheDirectory;
    private final String platformVersion;
    private final int faultThreshold;
    private final Duration faultWindow;
    private final Duration faultCoolDown;

    public PluginSettings(@Value("${jiaoyun.plugins.max-jar-mb:20}") long maxJarMb,
                          @Value("${jiaoyun.plugins.max-expanded-mb:200}") long maxExpandedMb,
                          @Value("${jiaoyun.plugins.max-entries:20000}") int maxEntries,
                          @Value("${jiaoyun.plugins.max-compression-ratio:100}") int maxCompressionRatio,
                          @Value("${jiaoyun.plugins.trusted-certificates:}") @Nullable List<String> trustedCertificates,
                          @Value("${jiaoyun.plugins.signature-required:false}") boolean signatureRequired,
                          @Value("${jiaoyun.plugins.cache-dir:}") @Nullable String cacheDirectory,
                          @Value("${jiaoyun.plugins.fault-threshold:20}") int faultThreshold,
                          @Value("${jiaoyun.plugins.fault-window:60}") long faultWindowSeconds,
                          @Value("${jiaoyun.plugins.fault-cooldown:300}") long faultCoolDownSeconds) {
        this.maxJarBytes = maxJarMb * 1024 * 1024;
        this.maxExpandedBytes = maxExpandedMb * 1024 * 1024;
        this.maxEntries = maxEntries;
        this.maxCompressionRatio = maxCompressionRatio;
        this.trustedCertificates = trustedCertificates == null ? List.of()
                : trustedCertificates.stream().filter(s -> !s.isBlank()).map(Path::of).toList();
        this.signatureRequired = signatureRequired;
        try {
            this.cacheDirectory = cacheDirectory == null || cacheDirectory.isBlank()
                    ? Files.createTempDirectory("jiaoyun-plugins-")
                    : Files.createDirectories(Path.of(cacheDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the plugin cache directory", e);
        }
        this.platformVersion = readPlatformVersion();
        if (faultThreshold < 1 || faultWindowSeconds < 1 || faultCoolDownSeconds < 1) {
            throw new IllegalArgumentException("jiaoyun.plugins.fault-threshold, fault-window and fault-cooldown"
                    + " must be at least 1, not " + faultThreshold + ", " + faultWindowSeconds + ", "
                    + faultCoolDownSeconds);
        }
        this.faultThreshold = faultThreshold;
        this.faultWindow = Duration.ofSeconds(faultWindowSeconds);
        this.faultCoolDown = Duration.ofSeconds(faultCoolDownSeconds);
    }

    private static String readPlatformVersion() {
        try (InputStream in = PluginSettings.class.getResourceAsStream("platform.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The build did not record the platform version", e);
        }
    }

    /** The largest jar accepted for upload. */
    public long maxJarBytes() {
        return maxJarBytes;
    }

    /** The most a jar may expand to, all entries together. */
    public long maxExpandedBytes() {
        return maxExpandedBytes;
    }

    public int maxEntries() {
        return maxEntries;
    }

    /** Expanded size ÷ jar size above which a jar is taken for a zip bomb. */
    public int maxCompressionRatio() {
        return maxCompressionRatio;
    }

    /** PEM files of the certificates whose signatures are trusted. */
    public List<Path> trustedCertificates() {
        return trustedCertificates;
    }

    /** Whether unsigned modules are refused. */
    public boolean signatureRequired() {
        return signatureRequired;
    }

    /** Where this node writes the jars it loads (they live in the database). */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** Faults of a module's code within {@link #faultWindow()} on one node that take it out of service. */
    public int faultThreshold() {
        return faultThreshold;
    }

    public Duration faultWindow() {
        return faultWindow;
    }

    /** How long a module taken out of service for its faults stays out before it is put back by itself. */
    public Duration faultCoolDown() {
        return faultCoolDown;
    }

    /** The platform's version, which modules' {@code Plugin-Requires} is checked against. */
    public String platformVersion() {
        return platformVersion;
    }
}
