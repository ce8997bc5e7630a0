/** Typed configuration properties and the beans that wire the engine, security and storage. */
@NullMarked
package dev.scribe.writinganalysis.config;

import org.jspecify.annotations.NullMarked;
