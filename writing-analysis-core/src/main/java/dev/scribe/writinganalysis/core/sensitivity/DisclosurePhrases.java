package dev.scribe.writinganalysis.core.sensitivity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whole-word phrases of the self-harm, mental-health, medical and family-situation detectors. */
final class DisclosurePhrases {

    private DisclosurePhrases() {}

    static final List<String> SELF_HARM =
            List.of(
                    "want to die",
                    "wanted to die",
                    "want to hurt myself",
                    "hurt myself",
                    "hurting myself",
                    "kill myself",
                    "end my life",
                    "suicidal",
                    "suicide",
                    "self-harm",
                    "self harm",
                    "cutting myself");

    static final List<String> MENTAL_HEALTH =
            List.of(
                    "feeling depressed",
                    "feeling anxious",
                    "feeling hopeless",
                    "can't cope",
                    "cannot cope",
                    "panic attack",
                    "panic attacks",
                    "eating disorder",
                    "depression",
                    "depressed",
                    "anxiety",
                    "therapy",
                    "therapist",
                    "counseling",
                    "counselling",
                    "counselor",
                    "counsellor",
                    "psychiatrist",
                    "antidepressants");

    static final List<String> MEDICAL =
            List.of(
                    "diagnosed with",
                    "suffering from",
                    "my diagnosis",
                    "my medication",
                    "my medications",
                    "my doctor",
                    "prescribed",
                    "surgery",
                    "hospitalized",
                    "hospitalised",
                    "chronic illness",
                    "chronic pain",
                    "disability");

    private static final List<String> FAMILY_MEMBERS =
            List.of(
                    "mom",
                    "dad",
                    "mother",
                    "father",
                    "parent",
                    "parents",
                    "family",
                    "brother",
                    "sister",
                    "siblings",
                    "stepmother",
                    "stepfather",
                    "guardian");

    private static final List<String> FAMILY_TROUBLES =
            List.of("problem", "problems", "issue", "issues", "situation");

    private static final List<String> FAMILY_EVENTS =
            List.of(
                    "divorce",
                    "divorced",
                    "custody",
                    "foster care",
                    "foster home",
                    "domestic violence");

    /** Returns every phrase mapped to its element type; no phrase belongs to two types. */
    static Map<String, ElementType> byPhrase() {
        Map<String, ElementType> map = new LinkedHashMap<>();
        SELF_HARM.forEach(p -> put(map, p, ElementType.SELF_HARM));
        MENTAL_HEALTH.forEach(p -> put(map, p, ElementType.MENTAL_HEALTH));
        MEDICAL.forEach(p -> put(map, p, ElementType.MEDICAL));
        FAMILY_MEMBERS.forEach(m -> put(map, "my " + m, ElementType.FAMILY_SITUATION));
        FAMILY_TROUBLES.forEach(t -> put(map, "family " + t, ElementType.FAMILY_SITUATION));
        FAMILY_EVENTS.forEach(p -> put(map, p, ElementType.FAMILY_SITUATION));
        return map;
    }

    private static void put(Map<String, ElementType> map, String phrase, ElementType type) {
        if (map.put(phrase, type) != null) {
            throw new IllegalStateException("Phrase listed for two element types: " + phrase);
        }
    }
}
