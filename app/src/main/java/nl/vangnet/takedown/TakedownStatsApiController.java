package nl.vangnet.takedown;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/takedown/stats}: time-to-removal figures for partner systems and the insights
 * module, for any authenticated API client. Aggregates only: groups of fewer than five requests
 * are left out, and no request, case or URL appears.
 */
@RestController
class TakedownStatsApiController {

    private final TakedownTracking tracking;

    TakedownStatsApiController(TakedownTracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping(path = "/api/v1/takedown/stats", produces = "application/json")
    TakedownFigures stats() {
        return tracking.figures();
    }
}
