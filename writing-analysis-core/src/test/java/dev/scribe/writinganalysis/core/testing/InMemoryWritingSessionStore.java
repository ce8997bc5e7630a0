package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Writing-session store kept in memory. */
public final class InMemoryWritingSessionStore implements WritingSessionStore {

    private final Map<String, WritingSession> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<WritingSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public void save(WritingSession session) {
        sessions.put(session.sessionId(), session);
    }

    @Override
    public List<WritingSession> ofSubject(String subjectId, String assignmentId) {
        return sessions.values().stream()
                .filter(s -> s.subjectId().equals(subjectId))
                .filter(s -> assignmentId == null || Objects.equals(assignmentId, s.assignmentId()))
                .toList();
    }

    @Override
    public List<WritingSession> updatedBetween(
            Collection<String> subjectIds, Instant from, Instant to) {
        return sessions.values().stream()
                .filter(s -> subjectIds.contains(s.subjectId()))
                .filter(s -> !s.updatedAt().isBefore(from) && s.updatedAt().isBefore(to))
                .toList();
    }
}
