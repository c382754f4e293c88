package dev.behalf.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** What a route answers: a complete body, one that comes later, or a server-sent event stream that stays open. */
public sealed interface Response {

    /** A complete response. */
    record Full(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) implements Response {
        public Full {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * A complete response that is not ready yet (a throttled sign-in waits without holding a thread). The
     * connection reads no further request meanwhile and closes after this response, so answers stay in order.
     */
    record Deferred(CompletionStage<Full> response) implements Response {
    }

    /**
     * A {@code text/event-stream} response: {@code open} is called once with a sink that writes events
     * until the client goes away (then {@link EventSink#isOpen()} turns false and {@code onClose} runs).
     */
    record EventStream(Consumer<EventSink> open) implements Response {
    }

    /** Writes server-sent events to one client. Thread-safe. */
    interface EventSink {
        void send(String event, String data);

        boolean isOpen();

        void onClose(Runnable action);
    }

    static Full text(HttpResponseStatus status, String contentType, String body) {
        return new Full(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Full bytes(String contentType, byte[] body) {
        return new Full(HttpResponseStatus.OK, contentType, body, Map.of());
    }

    static Full status(HttpResponseStatus status) {
        return new Full(status, "text/plain; charset=utf-8", new byte[0], Map.of());
    }
}
