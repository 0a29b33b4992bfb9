package dochooks.adapters.provider;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** A whole answer, read within the deadline and the size cap: status, headers and body. */
public record BufferedAnswer(int status, MultiMap headers, Buffer body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "BufferedAnswer[status=" + status + ", bytes=" + body.length() + "]";
    }
}
