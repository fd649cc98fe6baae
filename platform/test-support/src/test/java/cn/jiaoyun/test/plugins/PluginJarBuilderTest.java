package cn.jiaoyun.test.plugins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginJarBuilderTest {

    private static final String GREETING = """
            package com.example.demo;

            public final class Greeting implements java.util.function.Supplier<String> {
                @Override
                public String get() {
                    return "你好 from demo";
                }
            }
            """;

    private static final String CHANGELOG = "<databaseChangeLog/>\n";

    @TempDir
    Path dir;

    private static PluginJarBuilder demo() {
        return PluginJarBuilder.plugin("demo", "1.2.0")
                .requires(">=0.1.0")
                .dependencies("rural-roads@>=1.0.0")
                .manifestAttribute("Plugin-Provider", "Jiaoyun tests")
                .javaSource("com.example.demo.Greeting", GREETING)
                .extension("com.example.demo.Greeting")
                .resource("db/demo/changelog.xml", CHANGELOG);
    }

    @Test
    void aBuiltJarCarriesTheManifestTheResourceTheExtensionIndexAndWorkingClasses() throws Exception {
        Path jar = demo().build(dir);

        assertThat(jar).isEqualTo(dir.resolve("demo-1.2.0.jar")).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
            assertThat(main.getValue("Plugin-Id")).isEqualTo("demo");
            assertThat(main.getValue("Plugin-Version")).isEqualTo("1.2.0");
            assertThat(main.getValue("Plugin-Requires")).isEqualTo(">=0.1.0");
            assertThat(main.getValue("Plugin-Dependencies")).isEqualTo("rural-roads@>=1.0.0");
            assertThat(main.getValue("Plugin-Provider")).isEqualTo("Jiaoyun tests");
            assertThat(text(file, "db/demo/changelog.xml")).isEqualTo(CHANGELOG);
            assertThat(text(file, "META-INF/extensions.idx").lines()).containsExactly("com.example.demo.Greeting");
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> greeting = loader.loadClass("com.example.demo.Greeting");
            assertThat(greeting.getClassLoader()).as("loaded from the jar, not from the test classpath").isSameAs(loader);
            Supplier<?> supplier = (Supplier<?>) greeting.getDeclaredConstructor().newInstance();
            assertThat(supplier.get()).isEqualTo("你好 from demo");
        }
    }

    @Test
    void theManifestComesFirstThenEveryEntryByNameAndTheSameBuilderBuildsTheSameBytes() throws Exception {
        PluginJarBuilder builder = demo().resource("META-INF/services/x.Y", "z");

        byte[] first = builder.buildBytes();

        assertThat(entryNames(first)).containsExactly(
                "META-INF/MANIFEST.MF",
                "META-INF/extensions.idx",
                "META-INF/services/x.Y",
                "com/example/demo/Greeting.class",
                "db/demo/changelog.xml");
        assertThat(builder.buildBytes()).isEqualTo(first);
    }

    @Test
    void sourcesCompileAgainstTheCallersClasspathAndTheExtraClasspath() throws Exception {
        Path library = PluginJarBuilder.plugin("words", "1.0.0")
                .javaSource("com.example.words.Words", """
                        package com.example.words;
                        public final class Words {
                            public static String road() { return "road"; }
                        }
                        """)
                .build(dir);
        PluginJarBuilder user = PluginJarBuilder.plugin("user", "1.0.0")
                .javaSource("com.example.user.Both", """
                        package com.example.user;
                        import cn.jiaoyun.test.plugins.PluginJarBuilder;
                        import com.example.words.Words;
                        public final class Both implements java.util.function.Supplier<String> {
                            public String get() { return Words.road() + "/" + PluginJarBuilder.class.getSimpleName(); }
                        }
                        """);

        assertThatThrownBy(() -> user.build(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.example.user.Both")
                .hasMessageContaining("com.example.words");

        Path jar = user.extraClasspath(library).build(dir);
        URL[] urls = {jar.toUri().toURL(), library.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader())) {
            Supplier<?> both = (Supplier<?>) loader.loadClass("com.example.user.Both").getDeclaredConstructor().newInstance();
            assertThat(both.get()).isEqualTo("road/PluginJarBuilder");
        }
    }

    @Test
    void aCompileErrorNamesTheClassAndTheLineAndWritesNoJar() throws IOException {
        PluginJarBuilder broken = PluginJarBuilder.plugin("broken", "1.0.0")
                .javaSource("com.example.broken.Broken", """
                        package com.example.broken;

                        public final class Broken {
                            int missingSemicolon = 1
                        }
                        """);
        Path target = dir.resolve("out");

        assertThatThrownBy(() -> broken.build(target))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.example.broken.Broken (com/example/broken/Broken.java) line 4: ';' expected");
        assertThat(target).doesNotExist();
    }

    @Test
    void withoutManifestTheJarHasNoManifestEntry() throws Exception {
        Path jar = PluginJarBuilder.plugin("bare", "1.0.0").withoutManifest().resource("a.txt", "a").build(dir);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest()).isNull();
        }
        assertThat(entryNames(Files.readAllBytes(jar))).containsExactly("a.txt");
    }

    @Test
    void manifestAttributesCanBeReplacedOrLeftOutButManifestVersionStays() throws Exception {
        byte[] jar = PluginJarBuilder.plugin("odd", "1.0.0")
                .withoutManifestAttribute("plugin-id")
                .manifestAttribute("Plugin-Version", "2.0.0")
                .pluginClass("com.example.OddPlugin")
                .buildBytes();

        Attributes main = manifestOf(jar);
        assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
        assertThat(main.getValue("Plugin-Id")).isNull();
        assertThat(main.getValue("Plugin-Version")).isEqualTo("2.0.0");
        assertThat(main.getValue("Plugin-Class")).isEqualTo("com.example.OddPlugin");
        assertThatThrownBy(() -> PluginJarBuilder.plugin("odd", "1.0.0").manifestAttribute("Manifest-Version", "2.0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PluginJarBuilder.plugin("odd", "1.0.0").manifestAttribute("X-Note", "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoEntriesOfOneNameFailTheBuild() {
        PluginJarBuilder clash = PluginJarBuilder.plugin("clash", "1.0.0")
                .extension("com.example.Ext")
                .resource("META-INF/extensions.idx", "other");

        assertThatThrownBy(clash::buildBytes)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("META-INF/extensions.idx");
    }

    @Test
    void notAJarHasNoZipEntriesAndNoJarReaderOpensIt() throws IOException {
        byte[] bytes = PluginJarBuilder.notAJar();

        assertThat(bytes).isNotEmpty();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            assertThat(zip.getNextEntry()).isNull();
        }
        Path file = Files.write(dir.resolve("not.jar"), bytes);
        assertThatThrownBy(() -> new JarFile(file.toFile()).close()).isInstanceOf(ZipException.class);
    }

    @Test
    void aZipBombIsSmallOnDiskButDeclaresAndInflatesToTheRequestedSize() throws IOException {
        long size = 200L * 1024 * 1024;

        byte[] bomb = PluginJarBuilder.zipBomb("bomb", "1.0.0", size);

        assertThat(bomb.length).isLessThan(1024 * 1024);
        Path file = Files.write(dir.resolve("bomb-1.0.0.jar"), bomb);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.size()).isEqualTo(2);
            assertThat(zip.getEntry("zeros.bin").getSize()).as("declared size").isEqualTo(size);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bomb))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("META-INF/MANIFEST.MF");
            assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).contains("Plugin-Id: bomb");
            assertThat(zip.getNextEntry().getName()).isEqualTo("zeros.bin");
            long inflated = 0;
            int nonZero = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = zip.read(buffer)) > 0; ) {
                inflated += n;
                for (int i = 0; i < n; i++) {
                    nonZero |= buffer[i];
                }
            }
            assertThat(inflated).isEqualTo(size);
            assertThat(nonZero).as("only zeros").isZero();
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    @Test
    void manyEntriesHasTheManifestAndExactlyThatManyMore() throws IOException {
        byte[] jar = PluginJarBuilder.manyEntries("many", "1.0.0", 1234);

        List<String> names = entryNames(jar);
        assertThat(names).hasSize(1 + 1234).startsWith("META-INF/MANIFEST.MF").doesNotHaveDuplicates();
        assertThat(manifestOf(jar).getValue("Plugin-Id")).isEqualTo("many");
    }

    @Test
    void namesThatCannotBeEntriesOrFilesAreRefused() {
        assertThatThrownBy(() -> PluginJarBuilder.plugin("../up", "1.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PluginJarBuilder.plugin("demo", " ")).isInstanceOf(IllegalArgumentException.class);
        PluginJarBuilder demo = PluginJarBuilder.plugin("demo", "1.0.0");
        for (String path : List.of("/abs.txt", "a/../b.txt", "dir/", "a\\b.txt", "META-INF/MANIFEST.MF")) {
            assertThatThrownBy(() -> demo.resource(path, "x")).as(path).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> demo.javaSource("not a name", "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(JarFile file, String name) throws IOException {
        ZipEntry entry = file.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Attributes manifestOf(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            assertThat(in.getManifest()).as("manifest").isNotNull();
            return in.getManifest().getMainAttributes();
        }
    }

    /** The entry names in the order they are stored, as a streaming reader meets them. */
    static List<String> entryNames(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
