package dev.scribe.writinganalysis.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.boundaries.AiBoundaryRules;
import dev.scribe.writinganalysis.core.boundaries.RequestType;
import dev.scribe.writinganalysis.core.patterns.PatternOptions;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.purpose.PurposeValidator;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The analyser records serialise with the tool output's field names, enum values and scales. */
class OutputJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SensitivityClassifier CLASSIFIER = SensitivityClassifier.withDefaults();

    @Test
    void classificationJson() {
        String json =
                MAPPER.writeValueAsString(
                        CLASSIFIER.classify("Please email me at sam.lee@example.org tomorrow."));

        assertThat(json)
                .isEqualTo(
                        "{\"sensitivityLevel\":\"low\",\"sensitivityScore\":0.63,"
                                + "\"sensitiveElements\":[{\"type\":\"personal_emails\","
                                + "\"text\":\"sam.lee@example.org\",\"startIndex\":19,"
                                + "\"endIndex\":38,\"confidence\":0.90}],\"recommendations\":[],"
                                + "\"redactedContent\":\"Please email me at"
                                + " [REDACTED_PERSONAL_EMAILS] tomorrow.\","
                                + "\"manualReviewRequired\":false}");
    }

    @Test
    void patternsJson() {
        String json =
                MAPPER.writeValueAsString(
                        WritingPatternAnalyzer.withDefaults()
                                .analyze(
                                        "I wrote my draft quickly. However, I revised it twice!\n\n"
                                                + "You should try outlining first.",
                                        PatternOptions.all()));

        assertThat(json)
                .isEqualTo(
                        "{\"structure\":{\"sentenceCount\":3,\"paragraphCount\":2,\"wordCount\":15,"
                                + "\"averageSentenceLength\":5.00,\"paragraphLengths\":[10,5],"
                                + "\"organizationScore\":60,\"transitionWords\":1},"
                                + "\"sentiment\":{\"overallSentiment\":0.000,"
                                + "\"sentimentLabel\":\"neutral\",\"confidence\":0.000},"
                                + "\"complexity\":{\"averageWordLength\":4.53,"
                                + "\"longWordPercentage\":26.67,\"complexityScore\":0.287,"
                                + "\"readabilityLevel\":\"basic\"},"
                                + "\"style\":{\"vocabularyDiversity\":0.933,"
                                + "\"firstPersonUsage\":20.00,\"secondPersonUsage\":6.67,"
                                + "\"academicTone\":6.67,\"writingStyle\":\"personal\"}}");
    }

    @Test
    void purposeJsonOmitsAbsentApprovers() {
        String json =
                MAPPER.writeValueAsString(
                        PurposeValidator.withDefaults()
                                .validate(
                                        "Support student success through timely intervention and"
                                                + " personalized learning feedback",
                                        List.of("progress_metrics"),
                                        "student",
                                        null,
                                        "student-1"));

        assertThat(json)
                .isEqualTo(
                        "{\"valid\":true,\"score\":0.85,\"approvalRequired\":false,"
                                + "\"justification\":{\"educationalBenefit\":0.70,"
                                + "\"platformImprovement\":0.00,\"studentBenefit\":0.95,"
                                + "\"researchValue\":0.00},\"recommendations\":[],"
                                + "\"reasonCode\":null}");
    }

    @Test
    void blockedBoundaryJsonOmitsModifiedRequest() {
        String json =
                MAPPER.writeValueAsString(
                        new AiBoundaryRules(CLASSIFIER, true, 500)
                                .evaluate(
                                        "How do I structure my argument?",
                                        "",
                                        RequestType.ASSISTANCE,
                                        AccessLevel.RESTRICTED,
                                        true));

        assertThat(json)
                .isEqualTo(
                        "{\"allowed\":false,\"reason\":\"This type of assistance is not available"
                                + " at your current access level.\",\"suggestions\":[\"Write"
                                + " stronger reflections to unlock more types of assistance.\"],"
                                + "\"boundariesApplied\":[\"progressive_access\"],"
                                + "\"violations\":[{\"code\":\"progressive_access\",\"message\":"
                                + "\"This type of assistance is not available at your current"
                                + " access level.\"}],\"accessLevel\":\"restricted\","
                                + "\"modifications\":[]}");
    }

    @Test
    void allowedBoundaryJsonHasLowerCaseRequestType() {
        String json =
                MAPPER.writeValueAsString(
                        new AiBoundaryRules(CLASSIFIER, true, 500)
                                .evaluate(
                                        "Explain what a thesis statement does",
                                        "",
                                        RequestType.EXPLANATION,
                                        AccessLevel.RESTRICTED,
                                        false));

        assertThat(json)
                .contains(
                        "\"modifiedRequest\":{\"prompt\":\"Explain what a thesis statement"
                                + " does\",\"context\":\"\",\"requestType\":\"explanation\"}");
    }
}
