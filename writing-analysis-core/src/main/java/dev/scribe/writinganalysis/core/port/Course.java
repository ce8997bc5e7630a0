package dev.scribe.writinganalysis.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A course as the course directory describes it.
 *
 * @param courseId course id
 * @param institutionId institution that owns the course
 * @param educatorIds educators who teach the course
 * @param endDate last day of the course, or null while no end is scheduled
 * @param cohortIds cohorts the course belongs to
 */
public record Course(
        String courseId,
        String institutionId,
        List<String> educatorIds,
        LocalDate endDate,
        List<String> cohortIds) {

    public Course {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(institutionId, "institutionId");
        educatorIds = educatorIds == null ? List.of() : List.copyOf(educatorIds);
        cohortIds = cohortIds == null ? List.of() : List.copyOf(cohortIds);
    }
}
