package nl.vangnet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHashTests {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123456Z");

    @Test
    void hashIsStableAndCoversEveryField() {
        String base =
                AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "admin", "LOGIN_SUCCEEDED", "staff-account", "x", null, "");
        assertThat(base)
                .hasSize(64)
                .isEqualTo(AuditTrail.hash(
                        AuditTrail.GENESIS, 1, AT, "admin", "LOGIN_SUCCEEDED", "staff-account", "x", null, ""));
        assertThat(AuditTrail.hash(
                        AuditTrail.GENESIS, 2, AT, "admin", "LOGIN_SUCCEEDED", "staff-account", "x", null, ""))
                .isNotEqualTo(base);
        assertThat(AuditTrail.hash(
                        AuditTrail.GENESIS, 1, AT, "admin2", "LOGIN_SUCCEEDED", "staff-account", "x", null, ""))
                .isNotEqualTo(base);
        assertThat(AuditTrail.hash(
                        AuditTrail.GENESIS,
                        1,
                        AT.plusNanos(1000),
                        "admin",
                        "LOGIN_SUCCEEDED",
                        "staff-account",
                        "x",
                        null,
                        ""))
                .isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "ab", "c", null, null, null, ""))
                .isNotEqualTo(AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "a", "bc", null, null, null, ""));
    }

    @Test
    void detailIsCanonicalWhateverTheMapOrder() {
        assertThat(AuditTrail.canonical(Map.of("b", "2", "a", "1&x=y"))).isEqualTo("a=1%26x%3Dy&b=2");
    }
}
