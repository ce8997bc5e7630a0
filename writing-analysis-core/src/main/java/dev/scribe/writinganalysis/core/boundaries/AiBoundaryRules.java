package dev.scribe.writinganalysis.core.boundaries;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Match;
import dev.scribe.writinganalysis.core.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AI-assistance boundary rules, given the access level of the student. Every rule is evaluated
 * in a fixed order and each failing rule adds a violation with its suggestions. An allowed request
 * has its prompt and context redacted by the classifier. Only then is the context cut to the
 * maximum length, so that no identifier is cut in half. Thread-safe.
 */
public final class AiBoundaryRules {

    static final String TRUNCATION_MARKER = "...[truncated]";

    private static final PhraseMatcher DIRECT_ANSWER_PHRASES =
            PhraseMatcher.of(
                    "what is the answer",
                    "give me the solution",
                    "solve this for me",
                    "write this for me",
                    "complete my assignment",
                    "do my homework",
                    "tell me exactly what to write");

    private static final PhraseMatcher LEARNING_PHRASES =
            PhraseMatcher.of(
                    "how can i",
                    "how do i",
                    "explain",
                    "help me understand",
                    "why is",
                    "can you clarify",
                    "guide me");

    private static final PhraseMatcher WHAT_DOES_MEAN = PhraseMatcher.of("what does", "mean");

    private static final Map<AccessLevel, Set<RequestType>> ALLOWED_TYPES =
            Map.of(
                    AccessLevel.RESTRICTED,
                    EnumSet.of(RequestType.EXPLANATION, RequestType.FEEDBACK),
                    AccessLevel.BASIC,
                    EnumSet.of(
                            RequestType.EXPLANATION, RequestType.FEEDBACK, RequestType.ASSISTANCE),
                    AccessLevel.STANDARD,
                    EnumSet.allOf(RequestType.class),
                    AccessLevel.ENHANCED,
                    EnumSet.allOf(RequestType.class));

    private final SensitivityClassifier classifier;
    private final boolean blockDirectAnswers;
    private final int maxContextLength;

    public AiBoundaryRules(
            SensitivityClassifier classifier, boolean blockDirectAnswers, int maxContextLength) {
        if (maxContextLength < 0) {
            throw new IllegalArgumentException(
                    "maxContextLength must not be negative, got " + maxContextLength);
        }
        this.classifier = classifier;
        this.blockDirectAnswers = blockDirectAnswers;
        this.maxContextLength = maxContextLength;
    }

    /**
     * Evaluates one request.
     *
     * @param context the optional context; null reads as {@code ""}
     * @param level the access level of the student, already derived from the stored reflection
     * @param reflectionCompleted whether a stored reflection exists and the compatibility flag is
     *     not {@code false}
     */
    public BoundaryDecision evaluate(
            String prompt,
            String context,
            RequestType type,
            AccessLevel level,
            boolean reflectionCompleted) {
        AnalyzedText promptText = AnalyzedText.of(prompt);
        List<Violation> violations = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();

        if (!reflectionCompleted && type == RequestType.ANSWER) {
            violations.add(
                    new Violation(
                            "reflection_requirement",
                            "Complete a reflection before asking for direct answers."));
            suggestions.add("Write a short reflection on your current draft first.");
        }
        if (blockDirectAnswers && DIRECT_ANSWER_PHRASES.matchesAny(promptText)) {
            violations.add(
                    new Violation(
                            "no_direct_answers",
                            "The assistant does not produce answers or finished text for you."));
            suggestions.add("Ask how to approach the problem instead of asking for the answer.");
            suggestions.add("Share your own attempt and ask for feedback on it.");
        }
        if (!hasEducationalValue(promptText)) {
            violations.add(
                    new Violation(
                            "educational_value_required",
                            "The request does not ask for help with learning."));
            suggestions.add("Phrase the request as a question about a concept or skill.");
            suggestions.add("Explain what you have tried and where you are stuck.");
        }
        if (!ALLOWED_TYPES.get(level).contains(type)) {
            violations.add(
                    new Violation(
                            "progressive_access",
                            "This type of assistance is not available at your current access"
                                    + " level."));
            suggestions.add("Write stronger reflections to unlock more types of assistance.");
        }

        List<String> codes = violations.stream().map(Violation::code).toList();
        if (!violations.isEmpty()) {
            return new BoundaryDecision(
                    false,
                    null,
                    violations.get(0).message(),
                    suggestions,
                    codes,
                    violations,
                    level,
                    List.of());
        }

        Classification redactedPrompt = classifier.classify(prompt);
        Classification redactedContext = classifier.classify(context == null ? "" : context);
        String cutContext = cut(redactedContext.redactedContent());
        List<String> modifications = new ArrayList<>();
        if (redactedPrompt.redacted() || redactedContext.redacted()) {
            modifications.add("pii_redacted");
        }
        if (cutContext.length() != redactedContext.redactedContent().length()) {
            modifications.add("context_truncated");
        }

        return new BoundaryDecision(
                true,
                new ModifiedRequest(redactedPrompt.redactedContent(), cutContext, type),
                "",
                List.of(),
                List.of(),
                List.of(),
                level,
                modifications);
    }

    /**
     * Tests for a learning question: one of the learning phrases, or "what does" followed later by
     * the word "mean", or more than five tokens together with a {@code ?}.
     */
    private static boolean hasEducationalValue(AnalyzedText prompt) {
        if (LEARNING_PHRASES.matchesAny(prompt)) {
            return true;
        }

        int whatDoesEnd = -1;
        for (Match match : WHAT_DOES_MEAN.findAll(prompt)) {
            if (match.phrase().equals("what does")) {
                if (whatDoesEnd < 0) {
                    whatDoesEnd = match.end();
                }
            } else if (whatDoesEnd >= 0 && match.start() >= whatDoesEnd) {
                return true;
            }
        }

        return prompt.tokenCount() > 5 && prompt.normalized().indexOf('?') >= 0;
    }

    /**
     * Cuts text longer than the maximum to the maximum and appends the truncation marker. The cut
     * moves one code unit left rather than split a surrogate pair, so the result stays valid
     * UTF-16.
     */
    private String cut(String text) {
        if (text.length() <= maxContextLength) {
            return text;
        }
        int end = maxContextLength;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + TRUNCATION_MARKER;
    }
}
