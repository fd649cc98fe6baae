package cn.jiaoyun.core.bureau;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds and reads {@code <code>/tenant.yaml} files: from a directory when it exists, otherwise
 * from the copy packaged in the server's jar under {@code tenants/}.
 */
public final class BureauDefinitionFiles {

    private static final Logger LOG = LoggerFactory.getLogger(BureauDefinitionFiles.class);

    /**
     * One file: where it came from and what it says, or why it could not be read; with the demo
     * documents kept beside it in {@code <code>/demo/} (file name to content).
     */
    public record Entry(String source, BureauDefinition definition, String error, Map<String, byte[]> demoFiles) {
        public Entry(String source, BureauDefinition definition, String error) {
            this(source, definition, error, Map.of());
        }

        public boolean valid() {
            return definition != null;
        }
    }

    private BureauDefinitionFiles() {
    }

    /** Every definition under {@code directory}, or in the packaged copy when it does not exist. */
    public static List<Entry> read(Path directory) {
        if (Files.isDirectory(directory)) {
            return readTree(directory, directory.toString());
        }
        URL packaged = BureauDefinitionFiles.class.getClassLoader().getResource("tenants");
        if (packaged == null) {
            LOG.warn("No bureau definitions: {} does not exist and none are packaged", directory.toAbsolutePath());
            return List.of();
        }
        try {
            URI uri = packaged.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return readTree(fs.getPath("/tenants"), "classpath:tenants");
            }
            return readTree(Path.of(uri), "classpath:tenants");
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the packaged bureau definitions: " + e.getMessage(), e);
        }
    }

    /** Parses one document; {@code source} names it in every error. */
    public static Entry parse(String source, InputStream in) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?> map)) {
                return new Entry(source, null, source + ": not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return new Entry(source, BureauDefinition.from(m), null);
        } catch (BureauDefinition.InvalidDefinition e) {
            return new Entry(source, null, source + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Entry(source, null, source + ": not valid YAML: " + e.getMessage());
        }
    }

    /**
     * The files in {@code demo/} by name, and those one directory down (a module's demo figures,
     * {@code <module-id>/<file>}) by {@code <directory>/<name>}.
     */
    private static Map<String, byte[]> demoFiles(Path demo) throws IOException {
        if (!Files.isDirectory(demo)) {
            return Map.of();
        }
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> paths = Files.list(demo)) {
            for (Path p : paths.toList()) {
                if (Files.isRegularFile(p)) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                } else if (Files.isDirectory(p)) {
                    try (Stream<Path> inner = Files.list(p)) {
                        for (Path f : inner.filter(Files::isRegularFile).toList()) {
                            files.put(p.getFileName().toString().replace("/", "") + "/" + f.getFileName(),
                                    Files.readAllBytes(f));
                        }
                    }
                }
            }
        }
        return files;
    }

    private static List<Entry> readTree(Path root, String label) {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("tenant.yaml");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String source = label + "/" + dir.getFileName() + "/tenant.yaml";
                try (InputStream in = Files.newInputStream(file)) {
                    Entry e = parse(source, in);
                    if (e.valid() && !e.definition().code().equals(dir.getFileName().toString().replace("/", ""))) {
                        e = new Entry(source, null, source + ": code '" + e.definition().code()
                                + "' differs from its directory name");
                    }
                    out.add(e.valid() ? new Entry(e.source(), e.definition(), null, demoFiles(dir.resolve("demo"))) : e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bureau definitions in " + label, e);
        }
        return out;
    }
}
