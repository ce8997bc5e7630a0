package dev.scribe.writinganalysis.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reflection golden cases: token count, dimensions, overall, level and feedback. */
class ReflectionGoldenTest {

    static final String R1 =
            "I learned that planning helps. Next time I will outline first. This improved my"
                    + " writing.";
    static final String R2 =
            "I realized my thesis was weak because I had not compared the two sources. However, on"
                    + " the other hand, the evidence showed a clear impact. For example, in the second"
                    + " draft I rewrote 3 paragraphs. Next time I will set a goal to draft earlier; my"
                    + " mistake taught me to learn from feedback. I felt proud. I think my strength is"
                    + " analysis and my perspective improved.";
    static final String R3 =
            "Why did my argument fail? I think I struggled because I didn't consider the"
                    + " counterargument. In the future I plan to evaluate each source, for example by"
                    + " asking 'who benefits?'";
    static final String R4 = "It was fine.";
    static final String R5 =
            "Why did my first draft fail? I realized that my argument was weak because I relied on"
                    + " one source. However, when I compared it with the second article, I noticed a"
                    + " different perspective. For example, the author wrote that \"practice beats"
                    + " talent\", which made me evaluate my own evidence. On the other hand, I struggled"
                    + " to consider counterarguments, and this led to a one-sided essay. My weakness is"
                    + " planning, so next time I will set a goal to outline three points before"
                    + " drafting. I learned that a mistake can help me learn, and I feel more confident"
                    + " about improving. In the future I plan to analyze each source carefully.";

    private static final String DEPTH_HINT =
            "Go deeper: explain why things happened and how your thinking changed.";
    private static final String SELF_HINT = "Say what you learned about yourself and how you felt.";
    private static final String CRITICAL_HINT =
            "Compare ideas, weigh the evidence or consider another perspective.";
    private static final String GROWTH_HINT = "Describe what you will do differently next time.";
    private static final String SPECIFICITY_HINT = "Add concrete examples, details or quotations.";

    private static List<String> feedback(String... lines) {
        return new ArrayList<>(List.of(lines));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "R1",
                        R1,
                        15,
                        new Dimensions(0, 30, 0, 60, 20),
                        18,
                        AccessLevel.RESTRICTED,
                        feedback(
                                DEPTH_HINT,
                                SELF_HINT,
                                CRITICAL_HINT,
                                SPECIFICITY_HINT,
                                "Your strongest area is growth mindset.")),
                Arguments.of(
                        "R2",
                        R2,
                        66,
                        new Dimensions(30, 85, 100, 95, 60),
                        73,
                        AccessLevel.BASIC,
                        feedback(DEPTH_HINT, "Your strongest area is critical thinking.")),
                Arguments.of(
                        "R3",
                        R3,
                        30,
                        new Dimensions(30, 15, 50, 30, 50),
                        35,
                        AccessLevel.RESTRICTED,
                        feedback(
                                DEPTH_HINT,
                                SELF_HINT,
                                GROWTH_HINT,
                                "Your strongest area is critical thinking.")),
                Arguments.of(
                        "R4",
                        R4,
                        3,
                        new Dimensions(0, 0, 0, 0, 0),
                        0,
                        AccessLevel.RESTRICTED,
                        feedback(
                                DEPTH_HINT,
                                SELF_HINT,
                                CRITICAL_HINT,
                                GROWTH_HINT,
                                SPECIFICITY_HINT)),
                Arguments.of(
                        "R5",
                        R5,
                        110,
                        new Dimensions(60, 100, 100, 95, 100),
                        89,
                        AccessLevel.STANDARD,
                        feedback("Your strongest area is self-awareness.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenCase(
            String id,
            String reflection,
            int tokens,
            Dimensions dimensions,
            int overall,
            AccessLevel level,
            List<String> feedback) {
        ReflectionScore score = new ReflectionScorer().score(reflection);

        assertThat(AnalyzedText.of(reflection).tokenCount()).as("tokens").isEqualTo(tokens);
        assertThat(score.dimensions()).as("dimensions").isEqualTo(dimensions);
        assertThat(score.overall()).as("overall").isEqualTo(overall);
        assertThat(score.level()).as("level").isEqualTo(level);
        assertThat(score.feedback()).as("feedback").isEqualTo(feedback);
        assertThat(score.nextLevelRequirements()).isEqualTo(level.nextLevelRequirements());
    }
}
