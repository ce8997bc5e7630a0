package dev.scribe.writinganalysis.core.port;

import java.util.Objects;

/**
 * One enrolment of a student in a course.
 *
 * @param studentId the student
 * @param courseId the course
 * @param active false once the student has withdrawn or been removed
 */
public record Enrolment(String studentId, String courseId, boolean active) {

    public Enrolment {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(courseId, "courseId");
    }
}
