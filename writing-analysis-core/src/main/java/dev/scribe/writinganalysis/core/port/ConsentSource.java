package dev.scribe.writinganalysis.core.port;

/** Who gave a consent decision. */
public enum ConsentSource {
    STUDENT,
    GUARDIAN,
    INSTITUTION
}
