/**
 * Clients of downstream services; the service has none yet because the course directory and consent
 * store are local tables.
 */
@NullMarked
package dev.scribe.writinganalysis.client;

import org.jspecify.annotations.NullMarked;
