package dev.scribe.writinganalysis.api;

import dev.scribe.writinganalysis.service.ReadinessReport;
import dev.scribe.writinganalysis.service.ReadinessService;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform health endpoints on the actuator paths, without authentication. They replace the
 * actuator's own health endpoint because the platform prescribes a different readiness body: {@code
 * /actuator/health} and {@code /actuator/health/readiness} return the same report, 200 for {@code
 * UP} and {@code DEGRADED} and 503 for {@code DOWN}.
 */
@RestController
public class HealthController {

    private final ReadinessService readiness;
    private final ApplicationAvailability availability;

    public HealthController(ReadinessService readiness, ApplicationAvailability availability) {
        this.readiness = readiness;
        this.availability = availability;
    }

    /** Reports {@code UP} whenever the process can serve requests; no dependency is checked. */
    @GetMapping("/actuator/health/liveness")
    ResponseEntity<Map<String, String>> liveness() {
        boolean broken = availability.getLivenessState() == LivenessState.BROKEN;
        return ResponseEntity.status(broken ? 503 : 200)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", broken ? ReadinessReport.DOWN : ReadinessReport.UP));
    }

    @GetMapping({"/actuator/health/readiness", "/actuator/health"})
    ResponseEntity<ReadinessReport> readiness() {
        ReadinessReport report = readiness.report();
        int status = report.status().equals(ReadinessReport.DOWN) ? 503 : 200;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
