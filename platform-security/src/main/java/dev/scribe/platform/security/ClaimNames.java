package dev.scribe.platform.security;

/** JWT claim names used by user tokens and user assertions. */
public final class ClaimNames {

    public static final String ROLE = "role";
    public static final String INSTITUTION = "inst";
    public static final String COURSES = "courses";
    public static final String TOKEN_VERSION = "tv";
    public static final String ACTOR = "act";

    private ClaimNames() {}
}
