package dev.scribe.writinganalysis.core.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The purpose-validation golden cases. */
class PurposeGoldenTest {

    private static final String NOT_VALID =
            "Strengthen the justification: state the educational benefit to students.";
    private static final String EDUCATIONAL =
            "Explain how the data supports learning, teaching or assessment.";
    private static final String STUDENT_BENEFIT =
            "Explain how the students concerned will benefit.";
    private static final String SENSITIVE =
            "Request less sensitive data, or aggregated data, where possible.";
    private static final String MANY_TARGETS =
            "Use aggregated analytics instead of individual records for groups larger than 10.";
    private static final String RESEARCHER =
            "Confirm IRB approval and the participants' research consent before access.";

    private static List<String> targets(int count) {
        return Stream.iterate(1, i -> i + 1).limit(count).map(i -> "student-" + i).toList();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "P1",
                        "learning improvement",
                        List.of("writing_content"),
                        "student",
                        null,
                        new String[] {"0.50", "0.45", "0", "0"},
                        "0.53",
                        false,
                        true,
                        List.of("privacy_officer"),
                        List.of(NOT_VALID, STUDENT_BENEFIT)),
                Arguments.of(
                        "P2",
                        "Support student success through timely intervention and personalized"
                                + " learning feedback",
                        List.of("progress_metrics"),
                        "student",
                        null,
                        new String[] {"0.70", "0.95", "0", "0"},
                        "0.85",
                        true,
                        false,
                        null,
                        List.of()),
                Arguments.of(
                        "P3",
                        "IRB-approved research study on aggregated de-identified data with consent",
                        List.of("aggregated_analytics"),
                        "researcher",
                        targets(2),
                        new String[] {"0.10", "0", "0", "1.00"},
                        "0.25",
                        false,
                        true,
                        List.of("irb_committee"),
                        List.of(NOT_VALID, EDUCATIONAL, STUDENT_BENEFIT, RESEARCHER)),
                Arguments.of(
                        "P4",
                        "Analyze class writing progress to give timely intervention and feedback"
                                + " that improves student learning outcomes",
                        List.of("progress_metrics"),
                        "educator",
                        targets(25),
                        new String[] {"1.00", "0.35", "0", "0"},
                        "0.85",
                        true,
                        false,
                        null,
                        List.of(STUDENT_BENEFIT, MANY_TARGETS)),
                Arguments.of(
                        "P5",
                        "Review reflections to support struggling students",
                        List.of("reflection"),
                        "educator",
                        targets(2),
                        new String[] {"0.18", "0.20", "0", "0"},
                        "0.19",
                        false,
                        true,
                        List.of("privacy_officer", "educational_director"),
                        List.of(NOT_VALID, EDUCATIONAL, STUDENT_BENEFIT, SENSITIVE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenCase(
            String id,
            String purpose,
            List<String> requestedData,
            String role,
            List<String> targets,
            String[] dimensions,
            String score,
            boolean valid,
            boolean approvalRequired,
            List<String> approvers,
            List<String> recommendations) {
        PurposeValidation result =
                PurposeValidator.withDefaults()
                        .validate(purpose, requestedData, role, targets, "caller-1");

        Justification j = result.justification();
        assertThat(j.educationalBenefit())
                .as("edu")
                .isEqualByComparingTo(new BigDecimal(dimensions[0]));
        assertThat(j.studentBenefit())
                .as("student")
                .isEqualByComparingTo(new BigDecimal(dimensions[1]));
        assertThat(j.platformImprovement())
                .as("platform")
                .isEqualByComparingTo(new BigDecimal(dimensions[2]));
        assertThat(j.researchValue())
                .as("research")
                .isEqualByComparingTo(new BigDecimal(dimensions[3]));
        assertThat(result.score()).as("score").isEqualTo(new BigDecimal(score));
        assertThat(result.valid()).as("valid").isEqualTo(valid);
        assertThat(result.approvalRequired()).as("approvalRequired").isEqualTo(approvalRequired);
        assertThat(result.requiredApprovers()).as("approvers").isEqualTo(approvers);
        assertThat(result.recommendations()).as("recommendations").isEqualTo(recommendations);
        assertThat(result.reasonCode()).isNull();
    }

    @org.junit.jupiter.api.Test
    void studentAskingAboutThemselvesGetsSelfBonus() {
        PurposeValidator validator = PurposeValidator.withDefaults();

        PurposeValidation self =
                validator.validate("x y z", List.of("course_data"), "student", List.of("me"), "me");
        PurposeValidation other =
                validator.validate(
                        "x y z", List.of("course_data"), "student", List.of("me", "you"), "me");
        PurposeValidation none =
                validator.validate(
                        "x y z", List.of("course_data"), "student", Collections.emptyList(), "me");

        assertThat(self.justification().studentBenefit()).isEqualByComparingTo("0.30");
        assertThat(other.justification().studentBenefit()).isEqualByComparingTo("0");
        assertThat(none.justification().studentBenefit()).isEqualByComparingTo("0.30");
    }

    @org.junit.jupiter.api.Test
    void administratorWithOneTargetNeedsApproval() {
        PurposeValidation result =
                PurposeValidator.withDefaults()
                        .validate(
                                "Support student success through timely intervention and"
                                        + " personalized learning feedback",
                                List.of("course_data"),
                                "administrator",
                                List.of("student-1"),
                                "admin-1");

        assertThat(result.valid()).isTrue();
        assertThat(result.approvalRequired()).isTrue();
        assertThat(result.requiredApprovers()).containsExactly("privacy_officer");
    }
}
