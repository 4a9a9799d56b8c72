package nl.vangnet.takedown;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import nl.vangnet.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For takedown integration tests: a clock the test moves, and a resolver that maps every name
 * ending in {@code .test} to 127.0.0.1, names under {@code .internal} to a private address, and
 * refuses everything else, so no test ever asks real DNS or reaches past this machine.
 */
@TestConfiguration(proxyBeanMethods = false)
class TakedownTestConfiguration {

    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    @Bean
    @Primary
    MovableClock testClock() {
        return new MovableClock(START);
    }

    @Bean
    HostResolver testResolver() {
        return host -> {
            if (host.endsWith(".test")) {
                return List.of(InetAddress.ofLiteral("127.0.0.1"));
            }
            if (host.endsWith(".internal")) {
                return List.of(InetAddress.ofLiteral("10.0.0.1"));
            }
            throw new UnknownHostException(host);
        };
    }
}
