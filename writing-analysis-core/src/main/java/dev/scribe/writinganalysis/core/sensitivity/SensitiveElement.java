package dev.scribe.writinganalysis.core.sensitivity;

import java.math.BigDecimal;

/**
 * One detected piece of sensitive content. {@code text} is the original content of {@code
 * [startIndex, endIndex)} in UTF-16 code units. A document-level element has the text {@code ""}
 * and the span {@code [0, 0)}.
 */
public record SensitiveElement(
        String type, String text, int startIndex, int endIndex, BigDecimal confidence) {}
