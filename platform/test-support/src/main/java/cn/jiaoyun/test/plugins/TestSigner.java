package cn.jiaoyun.test.plugins;

import jdk.security.jarsigner.JarSigner;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * A throw-away code signer for tests: an RSA 2048 key pair and a self-signed certificate made by
 * the running JDK's own {@code keytool}, kept in a PKCS12 keystore, and signing through the
 * public JDK API {@link JarSigner} exactly as the {@code jarsigner} tool would (SHA-256 digests,
 * SHA256withRSA, no timestamp).
 *
 * <p>The certificate is trusted by nobody; a test that wants a jar accepted gives the host
 * {@link #certificatePem()} (or {@link #certificate()}) as the trusted one, and a test of refusal
 * signs with a second signer.
 */
public final class TestSigner {

    private static final String ALIAS = "signer";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private final Path certificatePem;
    private final X509Certificate certificate;
    private final JarSigner signer;

    private TestSigner(Path certificatePem, X509Certificate certificate, JarSigner signer) {
        this.certificatePem = certificatePem;
        this.certificate = certificate;
        this.signer = signer;
    }

    /**
     * Makes a new key pair and a self-signed certificate for {@code CN=commonName}, valid for ten
     * years from now, in a fresh folder under {@code directory} (created if missing), so that
     * several signers may share one directory. Runs {@code keytool} from {@code java.home}
     * twice (generate, export as PEM), which takes a second or so; tests should share a signer
     * where they can.
     *
     * @throws IllegalStateException when {@code keytool} is missing, fails (its output is in the
     *         message) or does not finish within two minutes
     */
    public static TestSigner create(Path directory, String commonName) {
        Objects.requireNonNull(directory, "directory");
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a signer needs a common name");
        }
        try {
            Files.createDirectories(directory);
            Path home = Files.createTempDirectory(directory, "signer-");
            Path keystore = home.resolve("keystore.p12");
            Path pem = home.resolve("certificate.pem");
            String password = HexFormat.of().formatHex(randomBytes(16));

            keytool(home, password, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                    "-sigalg", "SHA256withRSA", "-validity", "3650", "-dname", "CN=" + escapeRdnValue(commonName),
                    "-storetype", "PKCS12", "-keystore", keystore.toString());
            keytool(home, password, "-exportcert", "-rfc", "-alias", ALIAS,
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-file", pem.toString());

            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password.toCharArray());
            }
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password.toCharArray());
            List<Certificate> chain = new ArrayList<>(List.of(store.getCertificateChain(ALIAS)));
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            JarSigner signer = new JarSigner.Builder(key, path)
                    .digestAlgorithm("SHA-256")
                    .signatureAlgorithm("SHA256withRSA")
                    .signerName("SIGNER")
                    .build();
            return new TestSigner(pem, (X509Certificate) chain.get(0), signer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a test signer in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the key keytool made for " + commonName, e);
        }
    }

    /** The certificate as {@code keytool -exportcert -rfc} wrote it: one PEM {@code CERTIFICATE} block. */
    public Path certificatePem() {
        return certificatePem;
    }

    /** The self-signed certificate whose key signs; equal to what {@link #certificatePem()} parses to. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Signs the jar in place: every entry is digested into the manifest (one is added if the jar
     * has none) and the signature files are added under {@code META-INF/}. The signed jar is
     * written next to the original and then moved over it, so a failure leaves the original as
     * it was.
     */
    public void sign(Path jar) {
        Objects.requireNonNull(jar, "jar");
        Path directory = jar.toAbsolutePath().getParent();
        Path signed = null;
        try {
            signed = Files.createTempFile(directory, jar.getFileName().toString(), ".signing");
            try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
                signer.sign(in, out);
            }
            Files.move(signed, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign " + jar, e);
        } catch (RuntimeException e) {
            // JarSigner reports its own failures as JarSignerException
            throw new IllegalStateException("cannot sign " + jar + ": " + e.getMessage(), e);
        } finally {
            if (signed != null) {
                try {
                    Files.deleteIfExists(signed);
                } catch (IOException ignored) {
                    // the move succeeded or the original failure is the one worth reporting
                }
            }
        }
    }

    private static void keytool(Path workDirectory, String password, String... arguments) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("no keytool at " + keytool);
        }
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", password, "-noprompt"));
        String shown = String.join(" ", command).replace(password, "***");
        Path log = null;
        try {
            // output goes to a file so that a keytool that hangs cannot block us past the timeout
            log = Files.createTempFile(workDirectory, "keytool-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: " + shown);
            }
            if (process.exitValue() != 0) {
                String output = new String(Files.readAllBytes(log), Charset.defaultCharset());
                throw new IllegalStateException("keytool failed with exit code " + process.exitValue() + ": " + shown
                        + "\n" + output.replace(password, "***").strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + shown, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + shown, e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a left-over log in a test folder harms nobody
                }
            }
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Escapes a value for an X.500 distinguished name as keytool's {@code -dname} parses it (RFC 2253). */
    static String escapeRdnValue(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean special = ",+\"\\<>;=".indexOf(c) >= 0
                    || (i == 0 && (c == ' ' || c == '#'))
                    || (i == value.length() - 1 && c == ' ');
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
