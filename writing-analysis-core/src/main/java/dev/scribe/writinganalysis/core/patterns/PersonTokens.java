package dev.scribe.writinganalysis.core.patterns;

import java.util.Set;

/** The lower-case first-person and second-person tokens shared by several analysers. */
public final class PersonTokens {

    public static final Set<String> FIRST_PERSON =
            Set.of("i", "me", "my", "myself", "i'm", "i've", "i'll", "i'd");

    public static final Set<String> SECOND_PERSON =
            Set.of("you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd");

    private PersonTokens() {}
}
