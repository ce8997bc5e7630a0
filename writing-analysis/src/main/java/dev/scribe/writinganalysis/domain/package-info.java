/** JDBC implementations of the engine's storage ports. */
@NullMarked
package dev.scribe.writinganalysis.domain;

import org.jspecify.annotations.NullMarked;
