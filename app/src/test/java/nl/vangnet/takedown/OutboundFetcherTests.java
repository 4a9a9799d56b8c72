package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SSRF protection and limits of the outbound client, against real servers on 127.0.0.1. Names are
 * resolved by a fixed table, so "evil.test" can be made to point at 10.0.0.1 or 127.0.0.1 without
 * any DNS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundFetcherTests {

    private LocalHttp server;
    private final AtomicInteger hits = new AtomicInteger();

    private static final HostResolver TABLE = host -> switch (host) {
        case "host.test", "rebind.test" -> List.of(InetAddress.ofLiteral("127.0.0.1"));
        case "private.test" -> List.of(InetAddress.ofLiteral("10.0.0.1"));
        case "metadata.test" -> List.of(InetAddress.ofLiteral("169.254.169.254"));
        case "mixed.test" -> List.of(InetAddress.ofLiteral("93.184.216.34"), InetAddress.ofLiteral("10.0.0.1"));
        case "mapped.test" -> List.of(InetAddress.ofLiteral("::ffff:192.168.0.1"));
        default -> throw new UnknownHostException(host);
    };

    @BeforeAll
    void start() {
        server = new LocalHttp()
                .handle("/ok", e -> {
                    hits.incrementAndGet();
                    LocalHttp.send(e, 200, "text/plain", "fine");
                })
                .handle("/gone", e -> LocalHttp.send(e, 404, "text/plain", "gone"))
                .handle("/image", e -> LocalHttp.send(e, 200, "image/png", new byte[] {1, 2, 3}))
                .handle("/big", e -> LocalHttp.send(e, 200, "image/png", new byte[4096]))
                .handle("/to-private", e -> LocalHttp.redirect(e, "http://private.test:" + server.port() + "/ok"))
                .handle("/to-metadata", e -> LocalHttp.redirect(e, "http://169.254.169.254/latest/meta-data/"))
                .handle("/to-ftp", e -> LocalHttp.redirect(e, "ftp://host.test/file"))
                .handle(
                        "/to-credentials",
                        e -> LocalHttp.redirect(e, "http://user:pw@host.test:" + server.port() + "/ok"))
                .handle("/relative", e -> LocalHttp.redirect(e, "/ok"))
                .handle("/loop", e -> LocalHttp.redirect(e, "/loop"))
                .handle("/chunked", e -> {
                    e.getResponseHeaders().set("Content-Type", "image/png");
                    e.sendResponseHeaders(200, 0); // 0 = chunked in the JDK server
                    try (OutputStream out = e.getResponseBody()) {
                        for (int i = 0; i < 10; i++) {
                            out.write(new byte[100]);
                            out.flush();
                        }
                    }
                })
                .handle("/slow", e -> {
                    e.getResponseHeaders().set("Content-Type", "image/png");
                    e.sendResponseHeaders(200, 0);
                    try (OutputStream out = e.getResponseBody()) {
                        for (int i = 0; i < 50; i++) {
                            out.write(1);
                            out.flush();
                            Thread.sleep(100);
                        }
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    } catch (java.io.IOException closedByClient) {
                        // the client gave up, as it should
                    }
                });
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private OutboundFetcher fetcher(boolean allowLoopback, boolean allowPrivate) {
        return fetcher(allowLoopback, allowPrivate, TABLE, Duration.ofSeconds(5), 1024 * 1024);
    }

    private static OutboundFetcher fetcher(
            boolean allowLoopback, boolean allowPrivate, HostResolver resolver, Duration total, long maxBody) {
        TakedownProperties.Fetch limits = new TakedownProperties.Fetch(
                allowLoopback,
                allowPrivate,
                false,
                3,
                maxBody,
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                total,
                null);
        return new OutboundFetcher(resolver, new AddressPolicy(allowLoopback, allowPrivate, false), limits);
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.port() + path);
    }

    private static OutboundFetcher.Result get(OutboundFetcher fetcher, URI uri) {
        return fetcher.get(uri, OutboundFetcher.BodyPolicy.ALWAYS, "*/*");
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() {
        int before = hits.get();
        assertThat(get(fetcher(false, false), url("127.0.0.1", "/ok")))
                .isEqualTo(new OutboundFetcher.Refused("loopback", 0));
        assertThat(get(fetcher(false, false), url("[::1]", "/ok"))).isInstanceOf(OutboundFetcher.Refused.class);
        assertThat(hits.get()).isEqualTo(before); // refused before connecting
        OutboundFetcher.Result allowed = get(fetcher(true, false), url("127.0.0.1", "/ok"));
        assertThat(allowed).isInstanceOfSatisfying(OutboundFetcher.Response.class, r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body())).isEqualTo("fine");
        });
    }

    @Test
    void namesThatResolveToPrivateLoopbackOrLinkLocalAddressesAreRefused() {
        assertThat(get(fetcher(false, false), url("host.test", "/ok")))
                .isEqualTo(new OutboundFetcher.Refused("loopback", 0));
        assertThat(get(fetcher(true, false), url("private.test", "/ok")))
                .isEqualTo(new OutboundFetcher.Refused("private", 0));
        assertThat(get(fetcher(true, true), url("metadata.test", "/ok")))
                .isEqualTo(new OutboundFetcher.Refused("link-local", 0));
        assertThat(get(fetcher(true, false), url("mapped.test", "/ok")))
                .isEqualTo(new OutboundFetcher.Refused("private", 0));
    }

    @Test
    void oneForbiddenAddressAmongSeveralRefusesTheName() {
        // Round-robin DNS with one internal address must not get a chance to pick that one.
        assertThat(get(fetcher(true, false), url("mixed.test", "/ok")))
                .isEqualTo(new OutboundFetcher.Refused("private", 0));
    }

    @Test
    void privateAddressLiteralsAreRefusedToo() {
        assertThat(get(fetcher(true, false), URI.create("http://10.0.0.1/")))
                .isEqualTo(new OutboundFetcher.Refused("private", 0));
        assertThat(get(fetcher(true, false), URI.create("http://169.254.169.254/latest/meta-data/")))
                .isEqualTo(new OutboundFetcher.Refused("link-local", 0));
        assertThat(get(fetcher(true, false), URI.create("http://[::ffff:10.0.0.1]/")))
                .isEqualTo(new OutboundFetcher.Refused("private", 0));
    }

    @Test
    void everyRedirectHopIsCheckedAgain() {
        OutboundFetcher fetcher = fetcher(true, false);
        assertThat(get(fetcher, url("host.test", "/to-private"))).isEqualTo(new OutboundFetcher.Refused("private", 1));
        assertThat(get(fetcher, url("host.test", "/to-metadata")))
                .isEqualTo(new OutboundFetcher.Refused("link-local", 1));
        assertThat(get(fetcher, url("host.test", "/to-ftp"))).isEqualTo(new OutboundFetcher.Refused("not-http", 1));
        assertThat(get(fetcher, url("host.test", "/to-credentials")))
                .isEqualTo(new OutboundFetcher.Refused("credentials", 1));
    }

    @Test
    void followsAllowedRedirectsAndStopsAtTheLimit() {
        OutboundFetcher fetcher = fetcher(true, false);
        assertThat(get(fetcher, url("host.test", "/relative")))
                .isInstanceOfSatisfying(OutboundFetcher.Response.class, r -> {
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.redirects()).isEqualTo(1);
                    assertThat(r.finalUri().getPath()).isEqualTo("/ok");
                });
        assertThat(get(fetcher, url("host.test", "/loop")))
                .isEqualTo(new OutboundFetcher.Failed(OutboundFetcher.Failure.TOO_MANY_REDIRECTS, 3));
    }

    @Test
    void resolvesOncePerHopAndConnectsToTheCheckedAddress() {
        // A resolver that answers loopback first and a private address afterwards (DNS rebinding):
        // the check and the connection use the same, first answer.
        AtomicInteger calls = new AtomicInteger();
        HostResolver rebinding = host -> calls.getAndIncrement() == 0
                ? List.of(InetAddress.ofLiteral("127.0.0.1"))
                : List.of(InetAddress.ofLiteral("10.0.0.1"));
        OutboundFetcher fetcher = fetcher(true, false, rebinding, Duration.ofSeconds(5), 1024);
        assertThat(fetcher.get(url("rebind.test", "/ok"), OutboundFetcher.BodyPolicy.ALWAYS, "*/*"))
                .isInstanceOfSatisfying(
                        OutboundFetcher.Response.class,
                        r -> assertThat(r.status()).isEqualTo(200));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void readsBodiesOnlyWhenAskedAndOnlyUpToTheLimit() {
        OutboundFetcher small = fetcher(true, false, TABLE, Duration.ofSeconds(5), 1000);
        assertThat(small.get(url("host.test", "/big"), OutboundFetcher.BodyPolicy.ALWAYS, "*/*"))
                .isEqualTo(new OutboundFetcher.Failed(OutboundFetcher.Failure.TOO_LARGE, 0));
        assertThat(small.get(url("host.test", "/big"), OutboundFetcher.BodyPolicy.NONE, "*/*"))
                .isInstanceOfSatisfying(
                        OutboundFetcher.Response.class,
                        r -> assertThat(r.body()).isNull());
        assertThat(small.get(url("host.test", "/ok"), OutboundFetcher.BodyPolicy.IMAGES, "*/*"))
                .isInstanceOfSatisfying(
                        OutboundFetcher.Response.class,
                        r -> assertThat(r.body()).isNull());
        assertThat(small.get(url("host.test", "/image"), OutboundFetcher.BodyPolicy.IMAGES, "*/*"))
                .isInstanceOfSatisfying(OutboundFetcher.Response.class, r -> {
                    assertThat(r.isImage()).isTrue();
                    assertThat(r.body()).containsExactly(1, 2, 3);
                });
        OutboundFetcher roomy = fetcher(true, false, TABLE, Duration.ofSeconds(5), 4096);
        assertThat(roomy.get(url("host.test", "/chunked"), OutboundFetcher.BodyPolicy.ALWAYS, "*/*"))
                .isInstanceOfSatisfying(
                        OutboundFetcher.Response.class,
                        r -> assertThat(r.body()).hasSize(1000));
        assertThat(small.get(url("host.test", "/chunked"), OutboundFetcher.BodyPolicy.ALWAYS, "*/*"))
                .isInstanceOfSatisfying(
                        OutboundFetcher.Response.class,
                        r -> assertThat(r.body()).hasSize(1000));
        OutboundFetcher tiny = fetcher(true, false, TABLE, Duration.ofSeconds(5), 500);
        assertThat(tiny.get(url("host.test", "/chunked"), OutboundFetcher.BodyPolicy.ALWAYS, "*/*"))
                .isEqualTo(new OutboundFetcher.Failed(OutboundFetcher.Failure.TOO_LARGE, 0));
    }

    @Test
    void aSlowDripServerIsCutOffAtTheTotalTimeLimit() {
        OutboundFetcher fetcher = fetcher(true, false, TABLE, Duration.ofMillis(800), 1024 * 1024);
        long started = System.nanoTime();
        assertThat(fetcher.get(url("host.test", "/slow"), OutboundFetcher.BodyPolicy.ALWAYS, "*/*"))
                .isEqualTo(new OutboundFetcher.Failed(OutboundFetcher.Failure.TIMEOUT, 0));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void unknownNamesAndClosedPortsAreFailuresNotCrashes() {
        OutboundFetcher fetcher = fetcher(true, false);
        assertThat(get(fetcher, URI.create("http://nowhere.test/")))
                .isEqualTo(new OutboundFetcher.Failed(OutboundFetcher.Failure.UNRESOLVABLE, 0));
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(get(fetcher, URI.create("http://127.0.0.1:" + closed + "/")))
                .isEqualTo(new OutboundFetcher.Failed(OutboundFetcher.Failure.UNREACHABLE, 0));
    }

    @Test
    void statusCodesComeThroughUnchanged() {
        assertThat(get(fetcher(true, false), url("host.test", "/gone")))
                .isInstanceOfSatisfying(
                        OutboundFetcher.Response.class,
                        r -> assertThat(r.status()).isEqualTo(404));
    }
}
