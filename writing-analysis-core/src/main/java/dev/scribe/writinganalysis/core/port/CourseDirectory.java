package dev.scribe.writinganalysis.core.port;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Read access to the platform's course directory: institutions, courses, cohorts and enrolments.
 *
 * <p>Every method may throw a runtime exception when the directory cannot be reached; the engine
 * then refuses the request with {@code UNAVAILABLE} and never allows it.
 */
public interface CourseDirectory {

    /** Days after a course's end date during which its educators still teach its students. */
    int TEACHING_GRACE_DAYS = 90;

    /** Institution of a student, or empty when the student is unknown. */
    Optional<String> institutionOfStudent(String studentId);

    /** The course, or empty when it is unknown. */
    Optional<Course> course(String courseId);

    /** Institution of a cohort, or empty when the cohort is unknown. */
    Optional<String> institutionOfCohort(String cohortId);

    /** Every enrolment of the student, active or not, in any course. */
    List<Enrolment> enrolmentsOf(String studentId);

    /** Ids of the students with an active enrolment in the course, without duplicates. */
    List<String> activeStudentsOfCourse(String courseId);

    /** Ids of the courses of a cohort. */
    List<String> coursesOfCohort(String cohortId);

    /**
     * Time zone of the institution, or empty to use the configured default. Used for "same day" and
     * "local hour" rules of the audit tool.
     */
    default Optional<ZoneId> timeZoneOf(String institutionId) {
        return Optional.empty();
    }

    /**
     * Age below which only a guardian's consent counts for students of the institution (13 to 18),
     * or empty for the default of 13.
     */
    default OptionalInt guardianConsentAge(String institutionId) {
        return OptionalInt.empty();
    }

    /**
     * Returns whether the educator teaches the student: the student has an active enrolment in a
     * course of the educator's institution whose educator list contains the educator, and today is
     * at most {@value #TEACHING_GRACE_DAYS} days after the course's end date. Implementations may
     * override this with a single query that applies the same rule.
     */
    default boolean teaches(
            String educatorId, String educatorInstitutionId, String studentId, LocalDate today) {
        for (Enrolment enrolment : enrolmentsOf(studentId)) {
            if (!enrolment.active()) {
                continue;
            }
            Optional<Course> course = course(enrolment.courseId());
            if (course.isEmpty()) {
                continue;
            }
            Course c = course.get();
            boolean sameInstitution = c.institutionId().equals(educatorInstitutionId);
            boolean teachesCourse = c.educatorIds().contains(educatorId);
            boolean withinTerm =
                    c.endDate() == null
                            || !today.isAfter(c.endDate().plusDays(TEACHING_GRACE_DAYS));
            if (sameInstitution && teachesCourse && withinTerm) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ids of the students actively enrolled in any course of the cohort, de-duplicated, in
     * first-seen order.
     */
    default List<String> activeStudentsOfCohort(String cohortId) {
        Set<String> students = new LinkedHashSet<>();
        for (String courseId : coursesOfCohort(cohortId)) {
            students.addAll(activeStudentsOfCourse(courseId));
        }
        return List.copyOf(students);
    }
}
