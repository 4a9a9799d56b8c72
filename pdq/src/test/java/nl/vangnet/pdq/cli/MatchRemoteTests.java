package nl.vangnet.pdq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchRemoteTests {

    private static final String HASH = "f".repeat(64);

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> key = new AtomicReference<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/match", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            key.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            byte[] answer = ("{\"results\":[{\"hash\":\"" + HASH + "\",\"matches\":[{\"bank\":\"victims-adult\","
                            + "\"reference\":\"3f1c2a9e-8b7d-4c55-9a0e-2d6f4b1c7e90\",\"distance\":4}]}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsTheHashesWithTheKeyFromTheEnvironmentAndPrintsTheMatches() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = MatchRemote.run(
                List.of("--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                new ByteArrayInputStream((HASH.toUpperCase() + "\n\n# comment\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()),
                Map.of("VANGNET_API_KEY", "vgk_test"));
        assertThat(status).isEqualTo(PdqCli.OK);
        assertThat(body.get()).isEqualTo("{\"hashes\":[\"" + HASH + "\"]}");
        assertThat(key.get()).isEqualTo("vgk_test");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(HASH + ",victims-adult,3f1c2a9e-8b7d-4c55-9a0e-2d6f4b1c7e90,4" + System.lineSeparator());
    }

    @Test
    void refusesToRunWithoutAKeyOrAUrl() {
        assertThatThrownBy(() -> MatchRemote.run(
                        List.of("--url", "http://127.0.0.1:1"),
                        new ByteArrayInputStream(new byte[0]),
                        System.out,
                        System.err,
                        Map.of()))
                .hasMessageContaining("VANGNET_API_KEY");
        assertThatThrownBy(() -> MatchRemote.run(
                        List.of(),
                        new ByteArrayInputStream(new byte[0]),
                        System.out,
                        System.err,
                        Map.of("VANGNET_API_KEY", "k")))
                .hasMessageContaining("--url");
    }

    @Test
    void printsRejectionsWithTheirReason() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatchRemote.print(
                "{\"results\":[{\"hash\":\"" + HASH + "\",\"matches\":[],\"rejected\":\"quality-below-50\"}]}",
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(HASH + ",rejected,quality-below-50" + System.lineSeparator());
    }
}
