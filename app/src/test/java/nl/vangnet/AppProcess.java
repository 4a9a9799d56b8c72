package nl.vangnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Runs the real application in its own JVM, the way an operator runs it, so tests can kill it
 * ({@code kill -9}), stop it ({@code SIGTERM}) and start it again on the same data directory.
 *
 * <p>It runs the Spring Boot jar the build just packaged ({@code app/target/vangnet.jar}; Failsafe
 * passes its path in the system property {@code vangnet.app.jar}). Without the jar (a test started
 * from an IDE) it runs {@link VangnetApplication} from the test JVM's class path without the test
 * classes, so no test configuration is scanned into the application. The JVM is the test's own
 * (JDK 25). Output goes to a log file whose text {@link #log()} returns; failures include its tail.
 *
 * <pre>{@code
 * try (AppProcess app = AppProcess.on(dataDir).start().awaitHealthy()) {
 *     ... app.baseUri() ...
 *     app.kill();                       // SIGKILL of the JVM; the embedded PostgreSQL stays
 * }
 * }</pre>
 */
public final class AppProcess implements AutoCloseable {

    /** How long a start may take on a busy two-core machine before a test gives up. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Path dataDir;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Process process;
    private final long startedNanos;

    private AppProcess(Path dataDir, int port, int managementPort, Path logFile, Process process, long startedNanos) {
        this.dataDir = dataDir;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts describing an application on this data directory (created if missing). */
    public static Builder on(Path dataDir) {
        return new Builder(dataDir);
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to start: data directory, ports, extra arguments, JVM options, environment. */
    public static final class Builder {
        private final Path dataDir;
        private int port;
        private int managementPort;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        private final Map<String, String> env = new TreeMap<>();
        private Path logFile;
        private Path jar;

        private Builder(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
        }

        /** The public port; a free one when not given. Reuse {@link #port()} to restart on the same. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The management (metrics) port on 127.0.0.1; a free one when not given. */
        public Builder managementPort(int managementPort) {
            this.managementPort = managementPort;
            return this;
        }

        /** An application argument such as {@code --spring.datasource.url=...}. */
        public Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        /** A JVM option such as {@code -Xmx1g}; later options win over the defaults. */
        public Builder jvmArg(String jvmArg) {
            jvmArgs.add(jvmArg);
            return this;
        }

        /** An environment variable of the application process. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Where the process's output goes; a new temporary file when not given. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Another packaged release to run, e.g. the previous one as a benchmark's baseline. */
        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /** Launches the JVM and returns at once; call {@link AppProcess#awaitHealthy()} next. */
        public AppProcess start() {
            try {
                Files.createDirectories(dataDir);
                int publicPort = port == 0 ? freePort() : port;
                int opsPort = managementPort == 0 ? freePort() : managementPort;
                Path log = logFile != null ? logFile : Files.createTempFile("vangnet-app-", ".log");
                List<String> command = new ArrayList<>();
                command.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(jvmArgs);
                command.addAll(jar != null ? List.of("-jar", jar.toString()) : launchTarget());
                command.add("--vangnet.data-dir=" + dataDir);
                command.add("--server.port=" + publicPort);
                command.add("--server.address=127.0.0.1");
                command.add("--management.server.port=" + opsPort);
                command.add("--spring.main.banner-mode=off");
                command.addAll(args);
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(dataDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(env);
                long started = System.nanoTime();
                Process process = builder.start();
                return new AppProcess(dataDir, publicPort, opsPort, log, process, started);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not launch the application", e);
            }
        }
    }

    private static List<String> launchTarget() throws IOException {
        String jar = System.getProperty("vangnet.app.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            return List.of("-jar", jar);
        }
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.addAll(expandManifestOnlyJar(entry));
        }
        entries.removeIf(e -> e.replace('\\', '/').endsWith("/test-classes")
                || e.replace('\\', '/').endsWith("/test-classes/"));
        return List.of("-cp", String.join(java.io.File.pathSeparator, entries), VangnetApplication.class.getName());
    }

    /** Failsafe runs tests from a jar whose manifest holds the real class path; unfold it. */
    private static List<String> expandManifestOnlyJar(String entry) throws IOException {
        if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of(entry);
            }
            List<String> out = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                URI uri = Path.of(entry).toUri().resolve(url);
                out.add(Path.of(uri).toString());
            }
            return out;
        }
    }

    /** Waits up to {@link #START_TIMEOUT} until {@code /actuator/health} answers UP. */
    public AppProcess awaitHealthy() {
        return awaitHealthy(START_TIMEOUT);
    }

    /** Waits until {@code /actuator/health} answers UP; fails at once if the JVM exits. */
    public AppProcess awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = baseUri().resolve("/actuator/health");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The application exited with " + process.exitValue() + " before it was healthy\n" + logTail());
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return this;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the application", e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("The application was not healthy within " + timeout + "\n" + logTail());
    }

    /** How long since the JVM was launched (after {@link #awaitHealthy()}: the start time). */
    public Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The PID in the embedded PostgreSQL's {@code postmaster.pid}, if that file exists and the
     * process is alive (empty when running against an external server).
     */
    public OptionalLong postmasterPid() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                    ? OptionalLong.of(pid)
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code kill -9} of the application JVM only; waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * {@code kill -9} of the application JVM and of the embedded PostgreSQL's postmaster and
     * every other process of that server (as when the whole process tree or the machine's power
     * goes); waits until the JVM and the postmaster are gone.
     */
    public void killWithPostmaster() {
        OptionalLong postmaster = postmasterPid();
        List<ProcessHandle> servers = new ArrayList<>();
        postmaster.ifPresent(pid -> ProcessHandle.of(pid).ifPresent(pm -> {
            servers.add(pm);
            pm.children().forEach(servers::add);
        }));
        process.destroyForcibly();
        servers.forEach(ProcessHandle::destroyForcibly);
        awaitExit(Duration.ofSeconds(30));
        for (ProcessHandle server : servers) {
            try {
                server.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + server.pid() + " did not end", e);
            }
        }
    }

    /**
     * Sends {@code SIGTERM} (what {@code systemd} and {@code docker stop} send) and waits up to
     * {@code timeout} for the JVM to exit; returns how long the exit took.
     *
     * @throws IllegalStateException if it was still running after {@code timeout} (it is then killed)
     */
    public Duration terminate(Duration timeout) {
        long start = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "The application did not exit within " + timeout + " of SIGTERM\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the application to exit", e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The exit code, once the JVM has exited. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public Path logFile() {
        return logFile;
    }

    /** Everything the application wrote to standard output and error so far. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        String log = log();
        return "--- last output of the application (" + logFile + ") ---\n"
                + (log.length() > 6000 ? log.substring(log.length() - 6000) : log);
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The application JVM did not end within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the JVM if a test left it running and stops an embedded PostgreSQL that outlived it
     * ({@code SIGTERM}: with no clients left it shuts down cleanly), so no server outlives a test.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        postmasterPid()
                .ifPresent(pid -> ProcessHandle.of(pid).ifPresent(postmaster -> {
                    postmaster.destroy();
                    try {
                        postmaster.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        postmaster.destroyForcibly();
                    }
                }));
    }
}
