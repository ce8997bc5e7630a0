package dev.scribe.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of one run: target, credentials, rate or concurrency, and durations.
 *
 * @param baseUri loopback base URL of the gateway or of a service instance
 * @param authHeaders credential headers: the user's {@code Authorization} through the gateway, or
 *     the gateway's service token and a user assertion directly to an instance
 * @param rate requests per second of an open run
 * @param concurrency requests in flight of a closed run
 * @param warmup time before the measured window, whose requests are sent but not recorded
 * @param duration length of the measured window
 * @param requestTimeout time limit of one request
 * @param maxInFlight pending requests above which an open run skips a send and records it as a
 *     client backlog error, so that an overloaded server cannot exhaust the generator's memory
 */
public record LoadSettings(
        URI baseUri,
        Map<String, String> authHeaders,
        int rate,
        int concurrency,
        Duration warmup,
        Duration duration,
        Duration requestTimeout,
        int maxInFlight) {}
