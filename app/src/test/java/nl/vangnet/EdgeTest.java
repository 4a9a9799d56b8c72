package nl.vangnet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as the edge tests see it (throttles, error pages, redirects): one shared
 * context with small, known limits. The global look-up window is long so that every test of a
 * run falls inside it, whatever the machine's speed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VangnetIntegrationTest
@TestPropertySource(
        properties = {
            "vangnet.intake.lookup.max-failures-per-client=10",
            "vangnet.intake.lookup.max-failures-per-receipt=10",
            "vangnet.intake.lookup.max-failures-global=15",
            "vangnet.intake.lookup.global-window=PT10M",
            "vangnet.intake.receipt-hash.memory-kib=8192",
            "vangnet.api-keys.max-failures-per-client=20",
            "vangnet.public-base-url=https://vangnet.example.test"
        })
public @interface EdgeTest {}
