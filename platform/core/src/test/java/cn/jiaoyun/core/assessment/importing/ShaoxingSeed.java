package cn.jiaoyun.core.assessment.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Shaoxing 2020 work lists as the bureau exported them (shared seed 000), kept in the
 * repository as the demo's {@code tenants/shaoxing/demo/worklists-2020.txt}: a clone needs nothing beside it.
 */
public final class ShaoxingSeed {

    public static final String FILE_NAME = "shaoxing.txt";

    private ShaoxingSeed() {
    }

    public static byte[] bytes() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("tenants")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (with tenants/ and pom.xml) above " + System.getProperty("user.dir"));
        }
        Path seed = dir.resolve("tenants/shaoxing/demo/worklists-2020.txt");
        if (!Files.isRegularFile(seed)) {
            throw new IllegalStateException("the Shaoxing seed is missing: " + seed);
        }
        return Files.readAllBytes(seed);
    }
}
