package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.port.ReflectionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reflection store kept in memory. */
public final class InMemoryReflectionStore implements ReflectionStore {

    private final List<ReflectionRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void save(ReflectionRecord reflection) {
        records.add(reflection);
    }

    @Override
    public Optional<ReflectionRecord> latest(String subjectId, String assignmentId) {
        return records.stream()
                .filter(r -> r.subjectId().equals(subjectId))
                .filter(r -> assignmentId == null || Objects.equals(assignmentId, r.assignmentId()))
                .max(Comparator.comparing(ReflectionRecord::createdAt));
    }

    @Override
    public List<ReflectionRecord> createdBetween(
            Collection<String> subjectIds, Instant from, Instant to) {
        return records.stream()
                .filter(r -> subjectIds.contains(r.subjectId()))
                .filter(r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(to))
                .toList();
    }

    public List<ReflectionRecord> all() {
        return List.copyOf(records);
    }
}
