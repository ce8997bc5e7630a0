package dev.scribe.writinganalysis.api.suite;

import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.writinganalysis.PersonalDataCanaries;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people and courses of one test class, written to the course directory and consent tables of
 * the service's database. Every id carries a random suffix, so several worlds share one database
 * without touching each other or the demo data.
 *
 * <p>Institution A has course A (taught by {@link #educator}, students {@link #student}, {@link
 * #peer}, {@link #noConsentStudent}, {@link #insightsStudent} and {@link #auditSubject}), course B
 * (taught by another educator, student {@link #otherCourseStudent}) and the small course S (taught
 * by {@link #educator}, one student). Institution B has course C with {@link
 * #otherInstitutionStudent}. Every student except {@link #noConsentStudent} granted {@code
 * ai_analysis} and {@code progress_tracking}.
 */
public final class ToolWorld {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    public final String institution = "inst-a-" + suffix;
    public final String otherInstitution = "inst-b-" + suffix;
    public final String course = "course-a-" + suffix;
    public final String otherCourse = "course-b-" + suffix;
    public final String smallCourse = "course-s-" + suffix;
    public final String foreignCourse = "course-c-" + suffix;

    public final UserClaims student = user("student", Role.STUDENT, institution, course);
    public final UserClaims peer = user("peer", Role.STUDENT, institution, course);
    public final UserClaims noConsentStudent = user("noconsent", Role.STUDENT, institution, course);
    public final UserClaims insightsStudent = user("insights", Role.STUDENT, institution, course);
    public final UserClaims auditSubject = user("audited", Role.STUDENT, institution, course);
    public final UserClaims otherCourseStudent =
            user("othercourse", Role.STUDENT, institution, otherCourse);
    public final UserClaims otherInstitutionStudent =
            user("otherinst", Role.STUDENT, otherInstitution, foreignCourse);
    public final UserClaims educator = user("educator", Role.EDUCATOR, institution, course);
    public final UserClaims otherEducator =
            user("educator2", Role.EDUCATOR, institution, otherCourse);
    public final UserClaims administrator = user("admin", Role.ADMINISTRATOR, institution, null);
    public final UserClaims otherAdministrator =
            user("admin2", Role.ADMINISTRATOR, otherInstitution, null);
    public final UserClaims researcher = user("researcher", Role.RESEARCHER, institution, null);

    /** A student id that no directory holds. */
    public final String unknownStudentId = PersonalDataCanaries.USER_ID_PREFIX + "-ghost-" + suffix;

    private UserClaims user(String tag, Role role, String inst, String courseId) {
        return new UserClaims(
                PersonalDataCanaries.USER_ID_PREFIX + "-" + tag + "-" + suffix,
                role,
                inst,
                courseId == null ? List.of() : List.of(courseId),
                1);
    }

    /**
     * Writes the world, and two writing sessions of {@link #insightsStudent} six and two days ago
     * (350 words in 1,260 s, then 600 words in 1,800 s), to the database behind {@code dataSource}.
     */
    public void seed(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);

        insertInstitution(jdbc, institution);
        insertInstitution(jdbc, otherInstitution);
        for (UserClaims user :
                List.of(
                        student,
                        peer,
                        noConsentStudent,
                        insightsStudent,
                        auditSubject,
                        otherCourseStudent,
                        otherInstitutionStudent,
                        educator,
                        otherEducator,
                        administrator,
                        otherAdministrator,
                        researcher)) {
            jdbc.sql("INSERT INTO directory_user (id, institution_id, role) VALUES (?, ?, ?)")
                    .params(user.subject(), user.institution(), user.role().name())
                    .update();
        }

        insertCourse(jdbc, course, institution, educator);
        insertCourse(jdbc, otherCourse, institution, otherEducator);
        insertCourse(jdbc, smallCourse, institution, educator);
        insertCourse(jdbc, foreignCourse, otherInstitution, null);
        for (UserClaims enrolled :
                List.of(student, peer, noConsentStudent, insightsStudent, auditSubject)) {
            enrol(jdbc, course, enrolled);
        }
        enrol(jdbc, otherCourse, otherCourseStudent);
        enrol(jdbc, smallCourse, student);
        enrol(jdbc, foreignCourse, otherInstitutionStudent);

        for (UserClaims consenting :
                List.of(
                        student,
                        peer,
                        insightsStudent,
                        auditSubject,
                        otherCourseStudent,
                        otherInstitutionStudent)) {
            grant(jdbc, consenting, "ai_analysis");
            grant(jdbc, consenting, "progress_tracking");
        }

        Instant now = Instant.now();
        insertSession(jdbc, insightsStudent, 350, 1260, now.minus(Duration.ofDays(6)));
        insertSession(jdbc, insightsStudent, 600, 1800, now.minus(Duration.ofDays(2)));
    }

    private static void insertInstitution(JdbcClient jdbc, String id) {
        jdbc.sql(
                        "INSERT INTO institution (id, name, time_zone, consent_age)"
                                + " VALUES (?, ?, 'UTC', 13)")
                .params(id, "Test institution " + id)
                .update();
    }

    private static void insertCourse(
            JdbcClient jdbc, String id, String institutionId, UserClaims teacher) {
        jdbc.sql(
                        "INSERT INTO course (id, institution_id, title, status, end_date)"
                                + " VALUES (?, ?, ?, 'active', NULL)")
                .params(id, institutionId, "Test course " + id)
                .update();
        if (teacher != null) {
            jdbc.sql("INSERT INTO course_instructor (course_id, educator_id) VALUES (?, ?)")
                    .params(id, teacher.subject())
                    .update();
        }
    }

    private static void enrol(JdbcClient jdbc, String courseId, UserClaims enrolled) {
        jdbc.sql(
                        "INSERT INTO enrolment (course_id, student_id, status, enrolled_at)"
                                + " VALUES (?, ?, 'active', ?)")
                .params(courseId, enrolled.subject(), utc(Instant.now().minus(Duration.ofDays(30))))
                .update();
    }

    private static void grant(JdbcClient jdbc, UserClaims subject, String purpose) {
        jdbc.sql(
                        "INSERT INTO consent_decision"
                                + " (id, subject_id, purpose, granted, withdrawn, source,"
                                + " decided_at, expires_at)"
                                + " VALUES (?, ?, ?, TRUE, FALSE, 'student', ?, NULL)")
                .params(
                        UUID.randomUUID().toString(),
                        subject.subject(),
                        purpose,
                        utc(Instant.now().minus(Duration.ofDays(30))))
                .update();
    }

    private static void insertSession(
            JdbcClient jdbc, UserClaims owner, int words, int seconds, Instant updatedAt) {
        jdbc.sql(
                        "INSERT INTO writing_session (session_id, owner_id, assignment_id,"
                                + " word_count, time_spent, revisions, created_at, updated_at)"
                                + " VALUES (?, ?, NULL, ?, ?, 0, ?, ?)")
                .params(
                        "seeded-" + UUID.randomUUID(),
                        owner.subject(),
                        words,
                        seconds,
                        utc(updatedAt),
                        utc(updatedAt))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
