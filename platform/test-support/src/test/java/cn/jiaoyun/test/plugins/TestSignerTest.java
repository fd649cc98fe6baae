package cn.jiaoyun.test.plugins;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSignerTest {

    @TempDir
    static Path keys;

    /** One signer for the class: each one costs two keytool runs. The comma tests the name's escaping. */
    static TestSigner signer;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSigner() {
        signer = TestSigner.create(keys, "Jiaoyun test signer, plugins");
    }

    private static PluginJarBuilder demo() {
        return PluginJarBuilder.plugin("signed", "1.0.0")
                .javaSource("com.example.signed.Hello", """
                        package com.example.signed;
                        public final class Hello {
                            public String hello() { return "hello"; }
                        }
                        """)
                .extension("com.example.signed.Hello")
                .resource("db/signed/changelog.xml", "<databaseChangeLog/>");
    }

    @Test
    void theCertificateIsSelfSignedRsa2048ForTheCommonNameAndThePemParsesToIt() throws Exception {
        X509Certificate certificate = signer.certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Jiaoyun test signer\\, plugins");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);

        assertThat(Files.readString(signer.certificatePem())).startsWith("-----BEGIN CERTIFICATE-----");
        try (InputStream in = Files.newInputStream(signer.certificatePem())) {
            assertThat(CertificateFactory.getInstance("X.509").generateCertificate(in)).isEqualTo(certificate);
        }
    }

    @Test
    void afterSigningEveryEntryIsSignedByTheSignersCertificate() throws Exception {
        Path jar = demo().build(dir);
        assertThat(signers(jar)).as("an unsigned jar").hasSize(3).allSatisfy((name, certificates) -> assertThat(certificates).isEmpty());

        signer.sign(jar);

        Map<String, List<X509Certificate>> signers = signers(jar);
        assertThat(signers).containsOnlyKeys(
                "com/example/signed/Hello.class", "db/signed/changelog.xml", "META-INF/extensions.idx");
        assertThat(signers).allSatisfy((name, certificates) ->
                assertThat(certificates).as(name).containsExactly(signer.certificate()));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("META-INF/SIGNER.SF")).isNotNull();
            assertThat(file.getEntry("META-INF/SIGNER.RSA")).isNotNull();
            assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Id")).as("manifest kept").isEqualTo("signed");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(jar);
        }
    }

    @Test
    void theBuilderSignsWhenAskedAndAnotherSignerGivesAnotherCertificate() throws Exception {
        TestSigner other = TestSigner.create(keys, "Someone else");

        Map<String, List<X509Certificate>> byOther = signers(demo().signedWith(other).build(dir));

        assertThat(other.certificate()).isNotEqualTo(signer.certificate());
        assertThat(byOther).isNotEmpty().allSatisfy((name, certificates) ->
                assertThat(certificates).as(name).containsExactly(other.certificate()));
    }

    @Test
    void anEntryChangedAfterSigningFailsVerification() throws Exception {
        Path jar = demo().signedWith(signer).build(dir);
        Path tampered = dir.resolve("tampered.jar");
        replaceEntry(jar, tampered, "db/signed/changelog.xml", "<databaseChangeLog><!-- evil --></databaseChangeLog>");

        try (JarFile file = new JarFile(tampered.toFile(), true);
             InputStream in = file.getInputStream(file.getEntry("db/signed/changelog.xml"))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(SecurityException.class);
        }
    }

    /**
     * Every entry of the jar but the manifest and signature files (so {@code META-INF/extensions.idx}
     * too) with the certificates that signed it, read fully through a verifying {@link JarFile}
     * as a class loader would.
     */
    private static Map<String, List<X509Certificate>> signers(Path jar) throws IOException {
        Map<String, List<X509Certificate>> out = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    in.readAllBytes(); // code signers are known only once the entry is read
                }
                if (entry.isDirectory() || isSignatureRelated(entry.getName())) {
                    continue;
                }
                List<X509Certificate> certificates = new ArrayList<>();
                CodeSigner[] codeSigners = entry.getCodeSigners();
                if (codeSigners != null) {
                    for (CodeSigner s : codeSigners) {
                        certificates.add((X509Certificate) s.getSignerCertPath().getCertificates().get(0));
                    }
                }
                out.put(entry.getName(), certificates);
            }
        }
        return out;
    }

    private static boolean isSignatureRelated(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals(JarFile.MANIFEST_NAME) || upper.startsWith("META-INF/SIG-")
                || upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    private static void replaceEntry(Path from, Path to, String name, String text) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? text.getBytes(StandardCharsets.UTF_8) : bytes.toByteArray());
                out.closeEntry();
            }
        }
    }
}
