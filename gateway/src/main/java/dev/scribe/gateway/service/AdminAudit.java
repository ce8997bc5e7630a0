package dev.scribe.gateway.service;

import dev.scribe.writinganalysis.core.audit.Pseudonymizer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit entries of administrative changes to circuits, flags and router windows (GW-16, CB-11,
 * AR-9). Each change is logged before the answer with the actor's pseudonym, never the raw user id,
 * and with the length of the stated reason rather than its free text, which may hold personal data.
 *
 * <p>GW-16 and PV-13 ask for a synchronous write to the audit trail in the transaction of the
 * change. The gateway has no database on this branch; once the write queue adds its DataSource,
 * this class gets a table and the change fails when the write fails (see the gateway README).
 */
public class AdminAudit {

    private static final Logger audit = LoggerFactory.getLogger("dev.scribe.gateway.audit");

    private final Pseudonymizer pseudonymizer;

    public AdminAudit(String pseudonymKey) {
        this.pseudonymizer = new Pseudonymizer(pseudonymKey.getBytes(StandardCharsets.UTF_8));
    }

    public String pseudonym(String userId) {
        return pseudonymizer.pseudonym(userId);
    }

    /**
     * Records one change.
     *
     * @param action such as {@code circuit.force-open} or {@code flags.update}
     * @param target the circuit, preset or flag set changed
     * @param changes new values, with names from configuration only
     */
    public void record(
            String actorId,
            String action,
            String target,
            int reasonLength,
            String correlationId,
            Map<String, ?> changes) {
        audit.atInfo()
                .addKeyValue("category", "administration")
                .addKeyValue("actor", pseudonym(actorId))
                .addKeyValue("action", action)
                .addKeyValue("target", target)
                .addKeyValue("reasonLength", reasonLength)
                .addKeyValue("changes", changes)
                .addKeyValue("correlationId", correlationId)
                .log("Administrative change");
    }
}
