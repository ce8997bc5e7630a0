package dev.scribe.writinganalysis.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeachingRelationshipTest {

    private static final LocalDate END = LocalDate.of(2025, 6, 30);

    private static InMemoryCourseDirectory directory(boolean activeEnrolment) {
        InMemoryCourseDirectory directory = new InMemoryCourseDirectory();
        directory.addCourse(
                new Course("course-1", "inst-1", List.of("educator-1"), END, List.of()));
        directory.enrol("student-1", "course-1", activeEnrolment);
        return directory;
    }

    @Test
    void lastsNinetyDaysAfterCourseEnd() {
        InMemoryCourseDirectory directory = directory(true);

        assertThat(directory.teaches("educator-1", "inst-1", "student-1", END.plusDays(90)))
                .isTrue();
        assertThat(directory.teaches("educator-1", "inst-1", "student-1", END.plusDays(91)))
                .isFalse();
    }

    @Test
    void inactiveEnrolmentEndsRelationship() {
        assertThat(directory(false).teaches("educator-1", "inst-1", "student-1", END)).isFalse();
    }

    @Test
    void otherInstitutionOrEducatorDoesNotTeach() {
        InMemoryCourseDirectory directory = directory(true);

        assertThat(directory.teaches("educator-1", "inst-2", "student-1", END)).isFalse();
        assertThat(directory.teaches("educator-2", "inst-1", "student-1", END)).isFalse();
    }

    @Test
    void purposeCodesNormaliseSpacesAndHyphens() {
        assertThat(PurposeCode.normalize("  Class - Performance   analysis "))
                .isEqualTo("class_performance_analysis");
        assertThat(PurposeCode.parse("PRIVACY COMPLIANCE"))
                .contains(PurposeCode.PRIVACY_COMPLIANCE);
        assertThat(PurposeCode.parse("research!")).isEmpty();
    }
}
