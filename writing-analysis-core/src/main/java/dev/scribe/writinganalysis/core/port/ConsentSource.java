package dev.scribe.writinganalysis.core.port;

/** Origin of a consent decision: the student, a guardian or the institution. */
public enum ConsentSource {
    STUDENT,
    GUARDIAN,
    INSTITUTION
}
