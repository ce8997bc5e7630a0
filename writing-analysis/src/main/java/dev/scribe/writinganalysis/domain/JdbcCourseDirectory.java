package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.Enrolment;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The course directory, read from the service's own tables (institutions, users, courses,
 * enrolments, cohorts). A database failure surfaces as a runtime exception, which the engine turns
 * into {@code UNAVAILABLE}.
 */
@Repository
public class JdbcCourseDirectory implements CourseDirectory {

    private final JdbcClient jdbc;

    public JdbcCourseDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> institutionOfStudent(String studentId) {
        return jdbc.sql(
                        "SELECT institution_id FROM directory_user WHERE id = :id AND role ="
                                + " 'STUDENT'")
                .param("id", studentId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<Course> course(String courseId) {
        Optional<CourseRow> row =
                jdbc.sql("SELECT id, institution_id, end_date FROM course WHERE id = :id")
                        .param("id", courseId)
                        .query(
                                (rs, n) -> {
                                    Date endDate = rs.getDate("end_date");
                                    return new CourseRow(
                                            rs.getString("id"),
                                            rs.getString("institution_id"),
                                            endDate == null ? null : endDate.toLocalDate());
                                })
                        .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }

        List<String> educators =
                jdbc.sql(
                                "SELECT educator_id FROM course_instructor WHERE course_id = :id"
                                        + " ORDER BY educator_id")
                        .param("id", courseId)
                        .query(String.class)
                        .list();
        List<String> cohorts =
                jdbc.sql(
                                "SELECT cohort_id FROM cohort_course WHERE course_id = :id ORDER"
                                        + " BY cohort_id")
                        .param("id", courseId)
                        .query(String.class)
                        .list();
        CourseRow course = row.get();
        return Optional.of(
                new Course(
                        course.id(), course.institutionId(), educators, course.endDate(), cohorts));
    }

    @Override
    public Optional<String> institutionOfCohort(String cohortId) {
        return jdbc.sql("SELECT institution_id FROM cohort WHERE id = :id")
                .param("id", cohortId)
                .query(String.class)
                .optional();
    }

    @Override
    public List<Enrolment> enrolmentsOf(String studentId) {
        return jdbc.sql(
                        "SELECT student_id, course_id, status FROM enrolment WHERE student_id ="
                                + " :id ORDER BY course_id")
                .param("id", studentId)
                .query(
                        (rs, n) ->
                                new Enrolment(
                                        rs.getString("student_id"),
                                        rs.getString("course_id"),
                                        "active".equals(rs.getString("status"))))
                .list();
    }

    @Override
    public List<String> activeStudentsOfCourse(String courseId) {
        return jdbc.sql(
                        "SELECT student_id FROM enrolment WHERE course_id = :id AND status ="
                                + " 'active' ORDER BY student_id")
                .param("id", courseId)
                .query(String.class)
                .list();
    }

    @Override
    public List<String> coursesOfCohort(String cohortId) {
        return jdbc.sql(
                        "SELECT course_id FROM cohort_course WHERE cohort_id = :id ORDER BY"
                                + " course_id")
                .param("id", cohortId)
                .query(String.class)
                .list();
    }

    @Override
    public Optional<ZoneId> timeZoneOf(String institutionId) {
        return jdbc.sql("SELECT time_zone FROM institution WHERE id = :id")
                .param("id", institutionId)
                .query(String.class)
                .optional()
                .map(ZoneId::of);
    }

    @Override
    public OptionalInt guardianConsentAge(String institutionId) {
        return jdbc.sql("SELECT consent_age FROM institution WHERE id = :id")
                .param("id", institutionId)
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    /**
     * Applies the teaching rule in one query: an active enrolment of the student in a course of the
     * educator's institution that the educator teaches, at most {@value #TEACHING_GRACE_DAYS} days
     * after the course's end date.
     */
    @Override
    public boolean teaches(
            String educatorId, String educatorInstitutionId, String studentId, LocalDate today) {
        LocalDate earliestEndDate = today.minusDays(TEACHING_GRACE_DAYS);
        Integer matches =
                jdbc.sql(
                                """
                                SELECT COUNT(*) FROM enrolment e
                                JOIN course c ON c.id = e.course_id
                                JOIN course_instructor i ON i.course_id = c.id
                                WHERE e.student_id = :student
                                  AND e.status = 'active'
                                  AND c.institution_id = :institution
                                  AND i.educator_id = :educator
                                  AND (c.end_date IS NULL OR c.end_date >= :earliestEndDate)
                                """)
                        .param("student", studentId)
                        .param("institution", educatorInstitutionId)
                        .param("educator", educatorId)
                        .param("earliestEndDate", earliestEndDate)
                        .query(Integer.class)
                        .single();
        return matches > 0;
    }

    private record CourseRow(String id, String institutionId, @Nullable LocalDate endDate) {}
}
