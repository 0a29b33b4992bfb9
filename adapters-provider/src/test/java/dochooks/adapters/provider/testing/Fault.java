package dochooks.adapters.provider.testing;

import java.time.Duration;
import java.util.Map;

/** A misbehaviour the {@link TestDocumentProvider} can show on an endpoint instead of its normal answer. */
public sealed interface Fault {

    /** Answer this status, headers and body. */
    record Answer(int status, Map<String, String> headers, String body) implements Fault {
    }

    /** Accept the request and never answer. */
    record Hang() implements Fault {
    }

    /** Answer 200 and send {@code body} one byte every {@code interval}. */
    record Drip(String body, Duration interval) implements Fault {
    }

    /** Answer 200 announcing the whole answer, send its first {@code bytes} bytes, then reset the connection. */
    record ResetMidBody(int bytes) implements Fault {
    }

    /** Answer 200 with the first {@code bytes} bytes of the answer, then fall silent without closing. */
    record SilenceAfter(int bytes) implements Fault {
    }

    /** Answer 200 with a JSON array of items that never ends, as fast as the client reads. */
    record EndlessJson() implements Fault {
    }

    /** A JSON answer. */
    static Fault answer(int status, String json) {
        return new Answer(status, Map.of("Content-Type", "application/json"), json);
    }

    /** An answer with the given content type. */
    static Fault answer(int status, String contentType, String body) {
        return new Answer(status, Map.of("Content-Type", contentType), body);
    }

    /** A status with an empty body. */
    static Fault status(int status) {
        return new Answer(status, Map.of(), "");
    }

    /** A redirect to {@code location}. */
    static Fault redirect(int status, String location) {
        return new Answer(status, Map.of("Location", location), "");
    }

    static Fault hang() {
        return new Hang();
    }

    /** One byte a second, as in the protocol's worst providers. */
    static Fault drip(String body) {
        return new Drip(body, Duration.ofSeconds(1));
    }

    static Fault drip(String body, Duration interval) {
        return new Drip(body, interval);
    }

    static Fault resetMidBody(int bytes) {
        return new ResetMidBody(bytes);
    }

    static Fault silenceAfter(int bytes) {
        return new SilenceAfter(bytes);
    }

    static Fault endlessJson() {
        return new EndlessJson();
    }
}
