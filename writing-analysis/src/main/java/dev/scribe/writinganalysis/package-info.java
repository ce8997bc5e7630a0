/** The writing-analysis service: a Spring Boot application over the analysis engine. */
@NullMarked
package dev.scribe.writinganalysis;

import org.jspecify.annotations.NullMarked;
