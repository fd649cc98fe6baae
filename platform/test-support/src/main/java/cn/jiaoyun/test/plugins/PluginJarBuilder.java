package cn.jiaoyun.test.plugins;

import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real PF4J plugin jars at test time: a {@code MANIFEST.MF} with the {@code Plugin-*}
 * attributes PF4J reads, classes compiled from Java source in memory, PF4J's legacy extension
 * index {@code META-INF/extensions.idx} and any resources, optionally signed by a
 * {@link TestSigner}. The static factories at the end make the broken archives that refusal
 * tests need.
 *
 * <p>Sources are compiled with the JDK's own compiler ({@link ToolProvider#getSystemJavaCompiler()})
 * with {@code --release 17 -proc:none} against the calling JVM's classpath
 * ({@code java.class.path}) followed by {@link #extraClasspath(Path...)}; in a host module's tests
 * that classpath holds the plugin API and PF4J, so plugin sources may use them.
 *
 * <p>The jar's first entry is {@code META-INF/MANIFEST.MF} (unless {@link #withoutManifest()});
 * every other entry follows in the order of its name, with a fixed time, so the same builder
 * builds the same bytes. No directory entries are written.
 *
 * <p>A builder is mutable, returns itself from every setter, may build many times and is not
 * safe for use by several threads at once.
 */
public final class PluginJarBuilder {

    /** The name of PF4J's legacy extension index, read by its {@code LegacyExtensionFinder}. */
    public static final String EXTENSION_INDEX = "META-INF/extensions.idx";

    private static final Attributes.Name PLUGIN_ID = new Attributes.Name("Plugin-Id");
    private static final Attributes.Name PLUGIN_VERSION = new Attributes.Name("Plugin-Version");
    private static final Attributes.Name PLUGIN_REQUIRES = new Attributes.Name("Plugin-Requires");
    private static final Attributes.Name PLUGIN_DEPENDENCIES = new Attributes.Name("Plugin-Dependencies");
    private static final Attributes.Name PLUGIN_CLASS = new Attributes.Name("Plugin-Class");

    /** Every entry carries this time so that builds are repeatable (time-zone independent). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final String id;
    private final String version;
    private final Map<Attributes.Name, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> sources = new TreeMap<>();
    private final Set<String> extensions = new LinkedHashSet<>();
    private final Map<String, byte[]> resources = new TreeMap<>();
    private final List<Path> extraClasspath = new ArrayList<>();
    private boolean manifest = true;
    private TestSigner signer;

    private PluginJarBuilder(String id, String version) {
        this.id = id;
        this.version = version;
        attributes.put(PLUGIN_ID, id);
        attributes.put(PLUGIN_VERSION, version);
    }

    /**
     * Starts a plugin whose manifest says {@code Plugin-Id: id} and {@code Plugin-Version: version};
     * both also name the jar, {@code <id>-<version>.jar}, so neither may be blank or hold a path
     * separator.
     */
    public static PluginJarBuilder plugin(String id, String version) {
        return new PluginJarBuilder(fileNamePart("id", id), fileNamePart("version", version));
    }

    /** Sets {@code Plugin-Requires}, the host versions the plugin accepts, e.g. {@code ">=0.1.0"}. */
    public PluginJarBuilder requires(String expression) {
        return manifestAttribute(PLUGIN_REQUIRES.toString(), expression);
    }

    /** Sets {@code Plugin-Dependencies}, e.g. {@code "rural-roads@>=1.0.0"}. */
    public PluginJarBuilder dependencies(String value) {
        return manifestAttribute(PLUGIN_DEPENDENCIES.toString(), value);
    }

    /** Sets {@code Plugin-Class}, the fully qualified name of the plugin's {@code org.pf4j.Plugin}. */
    public PluginJarBuilder pluginClass(String className) {
        return manifestAttribute(PLUGIN_CLASS.toString(), className);
    }

    /**
     * Sets any main attribute of the manifest, replacing an earlier value of the same
     * (case-insensitive) name, {@code Plugin-Id} and {@code Plugin-Version} included, which
     * lets refusal tests write a manifest that disagrees with the jar's name.
     *
     * @throws IllegalArgumentException for a name the manifest format forbids, for
     *         {@code Manifest-Version} (always {@code 1.0}) or for a value holding a line break
     */
    public PluginJarBuilder manifestAttribute(String name, String value) {
        Attributes.Name key = attributeName(name);
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a manifest value cannot hold a line break or NUL: " + name);
        }
        attributes.put(key, value);
        return this;
    }

    /**
     * Leaves a main attribute out of the manifest, e.g. {@code Plugin-Id} for a test of a
     * manifest that does not name its plugin. Removing an absent attribute does nothing.
     */
    public PluginJarBuilder withoutManifestAttribute(String name) {
        attributes.remove(attributeName(name));
        return this;
    }

    /** Writes no {@code META-INF/MANIFEST.MF} at all; the jar holds only the other entries. */
    public PluginJarBuilder withoutManifest() {
        manifest = false;
        return this;
    }

    /**
     * Adds the Java source of a top-level class; {@code className} is its fully qualified name
     * and must match the source's package and public type. A later source of the same name
     * replaces an earlier one. Compilation happens in {@link #build(Path)}.
     */
    public PluginJarBuilder javaSource(String className, String source) {
        Objects.requireNonNull(source, "source");
        if (className == null || !SourceVersion.isName(className)) {
            throw new IllegalArgumentException("not a qualified Java class name: " + className);
        }
        sources.put(className, source);
        return this;
    }

    /**
     * Lists a class, in the order given, in {@link #EXTENSION_INDEX}, one name per line. The
     * class is not checked to exist, so an index naming a missing class can be built too.
     */
    public PluginJarBuilder extension(String className) {
        if (className == null || className.isBlank() || className.strip().length() != className.length()
                || className.indexOf('\n') >= 0 || className.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not a class name for the extension index: " + className);
        }
        extensions.add(className);
        return this;
    }

    /** Adds a text entry, encoded as UTF-8, e.g. {@code resource("db/demo/changelog.xml", xml)}. */
    public PluginJarBuilder resource(String path, String text) {
        Objects.requireNonNull(text, "text");
        return resource(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds an entry with these bytes (copied). {@code path} is relative with {@code /} separators,
     * without {@code ..}; the manifest cannot be given this way. A later resource of the same
     * path replaces an earlier one; one that collides with a compiled class or the extension
     * index fails the build.
     */
    public PluginJarBuilder resource(String path, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        resources.put(entryName(path), bytes.clone());
        return this;
    }

    /** Appends jars or class folders to the classpath the sources are compiled against. */
    public PluginJarBuilder extraClasspath(Path... entries) {
        for (Path entry : entries) {
            extraClasspath.add(Objects.requireNonNull(entry, "classpath entry"));
        }
        return this;
    }

    /** Has {@link #build(Path)} sign the finished jar with this signer; {@code null} signs nothing. */
    public PluginJarBuilder signedWith(TestSigner signer) {
        this.signer = signer;
        return this;
    }

    /**
     * Compiles the sources, writes {@code <id>-<version>.jar} into {@code directory} (created
     * if missing, an existing jar of that name replaced), signs it if asked and returns its path.
     *
     * @throws IllegalStateException when the sources do not compile, with the compiler's
     *         diagnostics (class, file, line and message), or when an entry name is used twice
     */
    public Path build(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Map<String, byte[]> entries = entries();
        try {
            Files.createDirectories(directory);
            Path jar = directory.resolve(id + "-" + version + ".jar");
            Path partial = Files.createTempFile(directory, jar.getFileName().toString(), ".part");
            try {
                try (OutputStream out = Files.newOutputStream(partial);
                     ZipOutputStream zip = new ZipOutputStream(out)) {
                    if (manifest) {
                        writeManifest(zip, manifest());
                    }
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        zip.putNextEntry(newEntry(e.getKey()));
                        zip.write(e.getValue());
                        zip.closeEntry();
                    }
                }
                Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            if (signer != null) {
                signer.sign(jar);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plugin jar " + id + "-" + version + " into " + directory, e);
        }
    }

    /** Builds as {@link #build(Path)} does, in a temporary folder that is removed again, and returns the jar's bytes. */
    public byte[] buildBytes() {
        Path scratch = createTempDirectory("plugin-jar-");
        try {
            return Files.readAllBytes(build(scratch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(scratch);
        }
    }

    // ---------------------------------------------------------------- broken archives

    /** Bytes that are no zip archive at all: plain text, not starting with a zip signature. */
    public static byte[] notAJar() {
        return "This is plain text, not a plugin jar.\n".getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A jar with a valid plugin manifest and one entry, {@code zeros.bin}, of
     * {@code uncompressedBytes} zero bytes, deflated at the highest level so that the archive
     * is about a thousandth of that size. The entry is written by streaming, never held in
     * memory; its size is recorded in the central directory and the data descriptor (a reader
     * streaming the local header sees it as unknown until it has read the data, as with jars
     * written by the JDK's own tools). Sizes beyond 4 GiB are written as Zip64.
     */
    public static byte[] zipBomb(String id, String version, long uncompressedBytes) {
        if (uncompressedBytes < 0) {
            throw new IllegalArgumentException("negative size: " + uncompressedBytes);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            writeManifest(zip, plugin(id, version).manifest());
            zip.putNextEntry(newEntry("zeros.bin"));
            byte[] zeros = new byte[64 * 1024];
            for (long left = uncompressedBytes; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A jar with a valid plugin manifest followed by exactly {@code entries} one-byte entries
     * named {@code entries/e0000001.txt} and onwards (Zip64 beyond 65,535 entries).
     */
    public static byte[] manyEntries(String id, String version, int entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("negative entry count: " + entries);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            writeManifest(zip, plugin(id, version).manifest());
            for (int i = 1; i <= entries; i++) {
                zip.putNextEntry(newEntry(String.format(Locale.ROOT, "entries/e%07d.txt", i)));
                zip.write('x');
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------- internals

    private Manifest manifest() {
        Manifest m = new Manifest();
        Attributes main = m.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(main::put);
        return m;
    }

    /** Every entry but the manifest, by name: compiled classes, resources and the extension index. */
    private Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new TreeMap<>(compile());
        if (!extensions.isEmpty()) {
            StringBuilder index = new StringBuilder();
            extensions.forEach(e -> index.append(e).append('\n'));
            putOnce(entries, EXTENSION_INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
        }
        resources.forEach((name, bytes) -> putOnce(entries, name, bytes));
        return entries;
    }

    private static void putOnce(Map<String, byte[]> entries, String name, byte[] bytes) {
        if (entries.putIfAbsent(name, bytes) != null) {
            throw new IllegalStateException("two entries named " + name);
        }
    }

    /** Compiles every source into a temporary folder and returns the class files by entry name. */
    private Map<String, byte[]> compile() {
        if (sources.isEmpty()) {
            return Map.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime (" + System.getProperty("java.home")
                    + "); plugin sources need a JDK, not a JRE");
        }
        Path classes = createTempDirectory("plugin-classes-");
        try {
            List<SourceFile> units = new ArrayList<>();
            sources.forEach((name, text) -> units.add(new SourceFile(name, text)));
            List<String> options = List.of("--release", "17", "-proc:none", "-nowarn",
                    "-classpath", classpath(), "-d", classes.toString());
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            Boolean ok = compiler.getTask(null, null, diagnostics, options, null, units).call();
            if (!Boolean.TRUE.equals(ok)) {
                throw new IllegalStateException(failure(diagnostics));
            }
            Map<String, byte[]> out = new TreeMap<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    out.put(classes.relativize(file).toString().replace(File.separatorChar, '/'),
                            Files.readAllBytes(file));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes compiled for plugin " + id, e);
        } finally {
            deleteRecursively(classes);
        }
    }

    private String classpath() {
        List<String> entries = new ArrayList<>();
        String own = System.getProperty("java.class.path", "");
        if (!own.isEmpty()) {
            entries.add(own);
        }
        extraClasspath.forEach(p -> entries.add(p.toAbsolutePath().toString()));
        return String.join(File.pathSeparator, entries);
    }

    private String failure(DiagnosticCollector<JavaFileObject> diagnostics) {
        StringBuilder text = new StringBuilder("the sources of plugin " + id + " " + version + " do not compile:");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            text.append("\n  ");
            if (d.getSource() instanceof SourceFile source) {
                text.append(source.className).append(" (").append(source.path).append(')');
            } else if (d.getSource() != null) {
                text.append(d.getSource().getName());
            } else {
                text.append("(no file)");
            }
            if (d.getLineNumber() != Diagnostic.NOPOS) {
                text.append(" line ").append(d.getLineNumber());
            }
            text.append(": ").append(d.getMessage(Locale.ROOT));
        }
        return text.toString();
    }

    private static void writeManifest(ZipOutputStream zip, Manifest manifest) throws IOException {
        zip.putNextEntry(newEntry(JarFile.MANIFEST_NAME));
        manifest.write(zip);
        zip.closeEntry();
    }

    private static ZipEntry newEntry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    private static Attributes.Name attributeName(String name) {
        Objects.requireNonNull(name, "name");
        Attributes.Name key = new Attributes.Name(name); // rejects names the format forbids
        if (key.equals(Attributes.Name.MANIFEST_VERSION)) {
            throw new IllegalArgumentException("Manifest-Version is always 1.0");
        }
        return key;
    }

    private static String fileNamePart(String what, String value) {
        if (value == null || value.isBlank() || value.contains("/") || value.contains("\\")
                || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("plugin " + what + " cannot name a jar file: " + value);
        }
        return value;
    }

    private static String entryName(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || List.of(path.split("/", -1)).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new IllegalArgumentException("not a relative entry path: " + path);
        }
        if (path.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
            throw new IllegalArgumentException("the manifest is written from the attributes, not as a resource");
        }
        return path;
    }

    private static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }

    /** A source held in memory, named so that javac accepts its public class. */
    private static final class SourceFile extends SimpleJavaFileObject {

        private final String className;
        private final String path;
        private final String text;

        SourceFile(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.className = className;
            this.path = className.replace('.', '/') + Kind.SOURCE.extension;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
