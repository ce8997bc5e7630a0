package dev.scribe.writinganalysis.core.purpose;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of validating a free-text data-access justification. {@code requiredApprovers} is
 * null, and left out of JSON, when no approval is required; {@code reasonCode} is always null here
 * because only the heuristic tier sets it.
 */
public record PurposeValidation(
        boolean valid,
        BigDecimal score,
        boolean approvalRequired,
        Justification justification,
        List<String> recommendations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> requiredApprovers,
        String reasonCode) {}
