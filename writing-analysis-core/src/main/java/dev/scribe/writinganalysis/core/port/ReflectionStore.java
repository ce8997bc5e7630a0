package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of reflection evaluations. */
public interface ReflectionStore {

    void save(ReflectionRecord reflection);

    /**
     * Latest record of the subject by {@code createdAt}: for the assignment when {@code
     * assignmentId} is not null, else over all assignments.
     */
    Optional<ReflectionRecord> latest(String subjectId, String assignmentId);

    /** Records of the given subjects created in {@code [from, to)}. */
    List<ReflectionRecord> createdBetween(Collection<String> subjectIds, Instant from, Instant to);
}
