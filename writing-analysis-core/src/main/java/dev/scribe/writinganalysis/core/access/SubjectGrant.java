package dev.scribe.writinganalysis.core.access;

/**
 * Grounds on which access to one subject was granted.
 *
 * @param selfAccess the caller is the subject
 * @param breakGlass an administrator accessed one student's data with a justification
 */
public record SubjectGrant(boolean selfAccess, boolean breakGlass) {}
