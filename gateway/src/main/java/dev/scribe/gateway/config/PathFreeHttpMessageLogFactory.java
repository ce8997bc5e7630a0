package dev.scribe.gateway.config;

import io.netty.handler.codec.DecoderResult;
import reactor.netty.http.logging.AbstractHttpMessageLogFactory;
import reactor.netty.http.logging.HttpMessageArgProvider;

/**
 * Describes an HTTP message in Reactor Netty's own log lines by its type, protocol and decoding
 * error class only. Reactor Netty's default description contains the request path, which can
 * contain a user id, for example when it rejects a request whose header is too large.
 */
class PathFreeHttpMessageLogFactory extends AbstractHttpMessageLogFactory {

    @Override
    public String common(HttpMessageArgProvider message) {
        StringBuilder description = new StringBuilder(String.valueOf(message.httpMessageType()));
        if (message.protocol() != null) {
            description.append(" ").append(message.protocol());
        }

        // The exception class identifies the limit that was hit. Its message is left out because a
        // decoder may quote the offending input in it.
        DecoderResult result = message.decoderResult();
        if (result != null && result.isFailure() && result.cause() != null) {
            description.append(" (").append(result.cause().getClass().getSimpleName()).append(")");
        }
        return description.toString();
    }
}
