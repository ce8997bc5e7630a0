package dev.scribe.writinganalysis.core.boundaries;

/**
 * The sanitised request passed on when it is allowed: redacted prompt and redacted, cut context.
 */
public record ModifiedRequest(String prompt, String context, RequestType requestType) {}
