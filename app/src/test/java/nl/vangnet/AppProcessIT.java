package nl.vangnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher other process-level tests build on: a real JVM, health, SIGTERM, SIGKILL. */
class AppProcessIT {

    @Test
    void runsTheApplicationInItsOwnJvmOnTheGivenDataDirectoryAndPort(@TempDir Path dataDir) throws Exception {
        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.on(dataDir).port(port).start().awaitHealthy()) {
            assertThat(app.pid()).isNotEqualTo(ProcessHandle.current().pid());
            HttpResponse<String> start = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(app.baseUri().resolve("/")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(start.statusCode()).isEqualTo(200);
            assertThat(app.baseUri().getPort()).isEqualTo(port);
            assertThat(dataDir.resolve("initial-admin-password")).exists();
            assertThat(app.postmasterPid()).isPresent();

            Duration exit = app.terminate(Duration.ofSeconds(60));
            assertThat(app.isAlive()).isFalse();
            System.out.println("AppProcessIT: exit after SIGTERM took " + exit.toMillis() + " ms");
        }
    }
}
