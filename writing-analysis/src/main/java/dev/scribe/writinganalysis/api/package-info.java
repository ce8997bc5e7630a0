/** HTTP edge of the service: controllers, request filters, error mapping and envelopes. */
@NullMarked
package dev.scribe.writinganalysis.api;

import org.jspecify.annotations.NullMarked;
