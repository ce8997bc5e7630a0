package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorBody;

/**
 * The error envelope of a legacy route: the platform error body plus {@code message} (the error
 * message again, where older clients read it) and {@code serviceUsed}.
 */
public record LegacyErrorBody(
        boolean success, ErrorBody.Error error, String message, String serviceUsed) {

    static LegacyErrorBody of(ErrorBody body, String serviceUsed) {
        return new LegacyErrorBody(false, body.error(), body.error().message(), serviceUsed);
    }
}
