package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.Enrolment;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Course directory kept in memory; {@link #failing(boolean)} simulates an unreachable directory.
 */
public final class InMemoryCourseDirectory implements CourseDirectory {

    private final Map<String, String> studentInstitutions = new ConcurrentHashMap<>();
    private final Map<String, Course> courses = new ConcurrentHashMap<>();
    private final Map<String, String> cohortInstitutions = new ConcurrentHashMap<>();
    private final List<Enrolment> enrolments = new CopyOnWriteArrayList<>();
    private final Map<String, ZoneId> timeZones = new ConcurrentHashMap<>();
    private final Map<String, Integer> guardianAges = new ConcurrentHashMap<>();
    private volatile boolean failing;

    public InMemoryCourseDirectory addStudent(String studentId, String institutionId) {
        studentInstitutions.put(studentId, institutionId);
        return this;
    }

    public InMemoryCourseDirectory addCourse(Course course) {
        courses.put(course.courseId(), course);
        return this;
    }

    public InMemoryCourseDirectory addCohort(String cohortId, String institutionId) {
        cohortInstitutions.put(cohortId, institutionId);
        return this;
    }

    /** Enrols the student (adding them to the course's institution if unknown). */
    public InMemoryCourseDirectory enrol(String studentId, String courseId, boolean active) {
        Course course = courses.get(courseId);
        if (course != null) {
            studentInstitutions.putIfAbsent(studentId, course.institutionId());
        }
        enrolments.add(new Enrolment(studentId, courseId, active));
        return this;
    }

    public InMemoryCourseDirectory timeZone(String institutionId, ZoneId zone) {
        timeZones.put(institutionId, zone);
        return this;
    }

    public InMemoryCourseDirectory guardianConsentAge(String institutionId, int age) {
        guardianAges.put(institutionId, age);
        return this;
    }

    /** While true, every read throws as if the directory were unreachable. */
    public InMemoryCourseDirectory failing(boolean failing) {
        this.failing = failing;
        return this;
    }

    private void checkReachable() {
        if (failing) {
            throw new IllegalStateException("course directory unreachable (simulated)");
        }
    }

    @Override
    public Optional<String> institutionOfStudent(String studentId) {
        checkReachable();
        return Optional.ofNullable(studentInstitutions.get(studentId));
    }

    @Override
    public Optional<Course> course(String courseId) {
        checkReachable();
        return Optional.ofNullable(courses.get(courseId));
    }

    @Override
    public Optional<String> institutionOfCohort(String cohortId) {
        checkReachable();
        return Optional.ofNullable(cohortInstitutions.get(cohortId));
    }

    @Override
    public List<Enrolment> enrolmentsOf(String studentId) {
        checkReachable();
        return enrolments.stream().filter(e -> e.studentId().equals(studentId)).toList();
    }

    @Override
    public List<String> activeStudentsOfCourse(String courseId) {
        checkReachable();
        Set<String> students = new LinkedHashSet<>();
        for (Enrolment enrolment : enrolments) {
            if (enrolment.active() && enrolment.courseId().equals(courseId)) {
                students.add(enrolment.studentId());
            }
        }
        return List.copyOf(students);
    }

    @Override
    public List<String> coursesOfCohort(String cohortId) {
        checkReachable();
        List<String> result = new ArrayList<>();
        for (Course course : courses.values()) {
            if (course.cohortIds().contains(cohortId)) {
                result.add(course.courseId());
            }
        }
        result.sort(null);
        return result;
    }

    @Override
    public Optional<ZoneId> timeZoneOf(String institutionId) {
        checkReachable();
        return Optional.ofNullable(timeZones.get(institutionId));
    }

    @Override
    public OptionalInt guardianConsentAge(String institutionId) {
        checkReachable();
        Integer age = guardianAges.get(institutionId);
        return age == null ? OptionalInt.empty() : OptionalInt.of(age);
    }

    /** Convenience for tests: a course without end date or cohort. */
    public static Course course(String courseId, String institutionId, String... educators) {
        return new Course(courseId, institutionId, List.of(educators), (LocalDate) null, List.of());
    }
}
