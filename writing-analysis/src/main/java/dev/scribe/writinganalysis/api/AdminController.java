package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.SuccessEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Administration routes on the service's own port, which the gateway does not forward. The audit
 * chain check here is the same operation as the canonical {@code /audit/verify} route.
 */
@RestController
public class AdminController {

    private final CanonicalController canonical;

    public AdminController(CanonicalController canonical) {
        this.canonical = canonical;
    }

    @GetMapping("/admin/audit/verify")
    ResponseEntity<SuccessEnvelope<JsonNode>> verifyAuditChain(
            @RequestParam(required = false) @Nullable Long from,
            @RequestParam(required = false) @Nullable Long to,
            HttpServletRequest request) {
        return canonical.verifyAuditChain(from, to, request);
    }
}
