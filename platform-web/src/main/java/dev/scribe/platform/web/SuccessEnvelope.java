package dev.scribe.platform.web;

/** The platform success envelope: {@code {"success": true, "data": ..., "meta": {...}}}. */
public record SuccessEnvelope<T>(boolean success, T data, Meta meta) {

    public static <T> SuccessEnvelope<T> of(T data, Meta meta) {
        return new SuccessEnvelope<>(true, data, meta);
    }
}
