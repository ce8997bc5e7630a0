package dev.scribe.writinganalysis.core.access;

import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.Enrolment;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Course directory that keeps each result of the wrapped directory for at most a time-to-live (60
 * seconds by default), so relationships are never older than that. When the wrapped directory fails
 * and no fresh entry exists, the failure propagates and the engine refuses the request.
 */
public final class CachedCourseDirectory implements CourseDirectory {

    /** Maximum age of a cached relationship. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(60);

    private final CourseDirectory delegate;
    private final TtlCache<String, Optional<String>> studentInstitutions;
    private final TtlCache<String, Optional<Course>> courses;
    private final TtlCache<String, Optional<String>> cohortInstitutions;
    private final TtlCache<String, List<Enrolment>> enrolments;
    private final TtlCache<String, List<String>> courseStudents;
    private final TtlCache<String, List<String>> cohortCourses;
    private final TtlCache<String, Optional<ZoneId>> timeZones;
    private final TtlCache<String, OptionalInt> guardianAges;

    public CachedCourseDirectory(CourseDirectory delegate, Clock clock) {
        this(delegate, clock, DEFAULT_TIME_TO_LIVE);
    }

    public CachedCourseDirectory(CourseDirectory delegate, Clock clock, Duration timeToLive) {
        this.delegate = delegate;
        this.studentInstitutions = new TtlCache<>(clock, timeToLive);
        this.courses = new TtlCache<>(clock, timeToLive);
        this.cohortInstitutions = new TtlCache<>(clock, timeToLive);
        this.enrolments = new TtlCache<>(clock, timeToLive);
        this.courseStudents = new TtlCache<>(clock, timeToLive);
        this.cohortCourses = new TtlCache<>(clock, timeToLive);
        this.timeZones = new TtlCache<>(clock, timeToLive);
        this.guardianAges = new TtlCache<>(clock, timeToLive);
    }

    @Override
    public Optional<String> institutionOfStudent(String studentId) {
        return studentInstitutions.get(studentId, () -> delegate.institutionOfStudent(studentId));
    }

    @Override
    public Optional<Course> course(String courseId) {
        return courses.get(courseId, () -> delegate.course(courseId));
    }

    @Override
    public Optional<String> institutionOfCohort(String cohortId) {
        return cohortInstitutions.get(cohortId, () -> delegate.institutionOfCohort(cohortId));
    }

    @Override
    public List<Enrolment> enrolmentsOf(String studentId) {
        return enrolments.get(studentId, () -> delegate.enrolmentsOf(studentId));
    }

    @Override
    public List<String> activeStudentsOfCourse(String courseId) {
        return courseStudents.get(courseId, () -> delegate.activeStudentsOfCourse(courseId));
    }

    @Override
    public List<String> coursesOfCohort(String cohortId) {
        return cohortCourses.get(cohortId, () -> delegate.coursesOfCohort(cohortId));
    }

    @Override
    public Optional<ZoneId> timeZoneOf(String institutionId) {
        return timeZones.get(institutionId, () -> delegate.timeZoneOf(institutionId));
    }

    @Override
    public OptionalInt guardianConsentAge(String institutionId) {
        return guardianAges.get(institutionId, () -> delegate.guardianConsentAge(institutionId));
    }
}
