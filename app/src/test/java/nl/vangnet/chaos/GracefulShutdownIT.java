package nl.vangnet.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import nl.vangnet.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while victims are saving help requests (what an operator's restart or a deploy sends):
 * requests in flight complete, nothing answers with a 5xx, every acknowledged receipt looks up
 * after the next start and every hand-over to the cases module completes. The exit time is
 * printed (docs/reliability.md), not asserted beyond the stop limit.
 */
class GracefulShutdownIT {

    @Test
    void inFlightRequestsCompleteAndNothingIsLostOnSigterm(@TempDir Path dataDir) throws Exception {
        int port = AppProcess.freePort();
        int opsPort = AppProcess.freePort();
        AppProcess app = HelpRequestCrashIT.launch(dataDir, port, opsPort);
        Duration exit;
        try (HelpRequestTraffic traffic = new HelpRequestTraffic(app.baseUri())) {
            traffic.start(40, Duration.ofMinutes(5), Long.MAX_VALUE);
            Thread.sleep(6_000);
            exit = app.terminate(Duration.ofSeconds(60));
            traffic.stop();
            traffic.close();
            assertThat(app.exitCode()).as("a clean exit after SIGTERM").isPresent();
            assertThat(app.log()).doesNotContain("destroy method", "Destroy method");
            System.out.println("GracefulShutdownIT: exit under load took " + exit.toMillis() + " ms; "
                    + traffic.acknowledged().size() + " acknowledged; statuses " + traffic.statuses());

            app = HelpRequestCrashIT.launch(dataDir, port, opsPort);
            HelpRequestCrashIT.Report report = HelpRequestCrashIT.verify(app, dataDir, traffic.acknowledged());
            assertThat(traffic.acknowledged()).isNotEmpty();
            assertThat(report.lost()).isZero();
            assertThat(report.missingCases()).isEmpty();
            assertThat(report.duplicates()).isZero();
            assertThat(traffic.serverErrors())
                    .as("5xx answers other than 503 busy")
                    .isZero();
        } finally {
            app.close();
        }
    }
}
