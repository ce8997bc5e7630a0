package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.DegradedOutbox;
import dev.scribe.gateway.domain.DegradedOutboxEntry.Kind;
import dev.scribe.writinganalysis.core.port.AuditCheckpoint;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ChainHead;
import dev.scribe.writinganalysis.core.port.DirectoryUnavailableException;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine ports of the local tier. The gateway cannot read the service's database, so every port
 * that reads stored data fails closed, and audit entries and events go to the durable outbox.
 */
final class LocalTierPorts {

    private LocalTierPorts() {}

    /**
     * A port whose every method throws: the course directory throws {@link
     * DirectoryUnavailableException} and the other stores {@link IllegalStateException}, which the
     * engine turns into a refusal. The local tier answers only operations that call none of them.
     */
    static <T> T unreachable(Class<T> port) {
        Object proxy =
                Proxy.newProxyInstance(
                        port.getClassLoader(),
                        new Class<?>[] {port},
                        (self, method, arguments) -> {
                            switch (method.getName()) {
                                case "toString" -> {
                                    return "unreachable " + port.getSimpleName();
                                }
                                case "hashCode" -> {
                                    return System.identityHashCode(self);
                                }
                                case "equals" -> {
                                    return self == arguments[0];
                                }
                                default -> {
                                    String message =
                                            port.getSimpleName()
                                                    + " is not reachable from the gateway's local"
                                                    + " tier";
                                    if (port.getSimpleName().equals("CourseDirectory")) {
                                        throw new DirectoryUnavailableException(message, null);
                                    }
                                    throw new IllegalStateException(message);
                                }
                            }
                        });
        return port.cast(proxy);
    }

    /**
     * The audit trail as the local tier sees it: an entry goes to the outbox, and the service
     * assigns its sequence number, previous hash and entry hash when it appends the replayed entry
     * to its chain. The builder therefore gets the empty head, and the hash it computes is
     * discarded at replay.
     */
    static final class OutboxAuditTrail implements AuditTrailStore {

        private final DegradedOutbox outbox;
        private final JsonMapper json;

        OutboxAuditTrail(DegradedOutbox outbox, JsonMapper json) {
            this.outbox = outbox;
            this.json = json;
        }

        @Override
        public AuditEntry append(Function<ChainHead, AuditEntry> builder) {
            AuditEntry entry = builder.apply(ChainHead.EMPTY);
            outbox.append(Kind.AUDIT, json.writeValueAsBytes(entry));
            return entry;
        }

        @Override
        public ChainHead head() {
            throw readNotPossible();
        }

        @Override
        public List<AuditEntry> range(long from, long to) {
            throw readNotPossible();
        }

        @Override
        public List<AuditEntry> byActor(String actorPseudonym, Instant from, Instant to) {
            throw readNotPossible();
        }

        @Override
        public List<AuditEntry> bySubject(String subjectPseudonym, Instant from, Instant to) {
            throw readNotPossible();
        }

        @Override
        public void saveCheckpoint(AuditCheckpoint checkpoint) {
            // The gateway configures no checkpoint key, so the engine never signs a checkpoint.
            throw readNotPossible();
        }

        @Override
        public List<AuditCheckpoint> checkpoints(long from, long to) {
            throw readNotPossible();
        }

        @Override
        public AuditCheckpoint latestCheckpointAtOrBefore(long atOrBefore) {
            throw readNotPossible();
        }

        private static IllegalStateException readNotPossible() {
            return new IllegalStateException(
                    "The audit trail is stored by the service; the local tier can only append");
        }
    }

    /** Events of the local tier, kept in the outbox until the service writes them to its own. */
    static final class OutboxEventPublisher implements EventPublisher {

        private final DegradedOutbox outbox;
        private final JsonMapper json;

        OutboxEventPublisher(DegradedOutbox outbox, JsonMapper json) {
            this.outbox = outbox;
            this.json = json;
        }

        @Override
        public void publish(EventEnvelope event) {
            outbox.append(Kind.EVENT, json.writeValueAsBytes(event));
        }
    }
}
