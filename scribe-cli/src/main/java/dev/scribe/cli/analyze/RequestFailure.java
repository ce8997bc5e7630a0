package dev.scribe.cli.analyze;

/**
 * A failed request of one text: operation, HTTP status (0 without a response), error code and the
 * correlation id to look the request up in the service logs.
 */
public record RequestFailure(String operation, int status, String code, String correlationId) {

    static RequestFailure of(ApiResult result) {
        return new RequestFailure(
                result.operation().label(),
                result.status(),
                result.errorCode(),
                result.correlationId());
    }
}
