package dev.scribe.platform.web;

/**
 * One validation problem in an error body: the JSON path of the offending field and what is wrong
 * with it. The problem text never quotes free-text input.
 */
public record ErrorDetail(String field, String problem) {}
