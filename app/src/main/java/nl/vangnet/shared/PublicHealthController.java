package nl.vangnet.shared;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the public port, status only. Every other actuator endpoint
 * (details, Prometheus metrics) lives on the separate management port bound to loopback.
 */
@RestController
class PublicHealthController {

    private final HealthEndpoint health;

    PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(path = "/actuator/health", produces = "application/json")
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        return ResponseEntity.status(Status.UP.equals(status) ? 200 : 503).body(Map.of("status", status.getCode()));
    }
}
