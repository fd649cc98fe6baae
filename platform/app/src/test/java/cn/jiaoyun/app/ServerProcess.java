package cn.jiaoyun.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged server ({@code jiaoyun-all.jar}) as a separate process, started and waited for as an operator would. */
record ServerProcess(Process process, StringBuffer log) {

    String output() {
        return log.toString();
    }

    void stop() throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        System.out.println("[ServerProcess] stopped in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    static ServerProcess start(Path data, Path cwd, int port, int uiPort) throws Exception {
        return start(data, cwd, port, uiPort, Map.of());
    }

    /** Starts the jar and returns once it printed its banner; fails with the output otherwise. */
    static ServerProcess start(Path data, Path cwd, int port, int uiPort, Map<String, String> extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", System.getProperty("jiaoyun.server.jar"))
                .directory(cwd.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("JIAOYUN_DB_URL");
        pb.environment().remove("JIAOYUN_DEMO_PASSWORD");
        pb.environment().put("JIAOYUN_DATA_DIR", data.toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        pb.environment().put("JIAOYUN_UI_PORT", String.valueOf(uiPort));
        pb.environment().putAll(extra);
        Process p = pb.start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line).append('\n');
                    // the banner's closing rule: its opening one comes before "Jiaoyun 交运 is running"
                    if (line.startsWith("=====") && log.indexOf(" Jiaoyun 交运 is running") >= 0) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.complete(false);
        });
        reader.setDaemon(true);
        reader.start();
        long t0 = System.nanoTime();
        boolean ok = ready.get(180, TimeUnit.SECONDS);
        System.out.println("[ServerProcess] started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(ok).as("server started; output:\n" + log).isTrue();
        return new ServerProcess(p, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
