package dochooks.application.document.port.out;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.Objects;

/**
 * A provider's byte answer (download, thumbnail), never held whole in memory.
 *
 * <p>{@link #content()} is handed over paused: pipe it ({@link ReadStream#pipeTo}) or set handlers and call
 * {@code resume()}. It honours back-pressure, and fails with an
 * {@link dochooks.application.error.ApplicationException} if the provider fails midway (a timeout after
 * silence, a bad response when the answer is cut off). Call {@link #abort()} when the bytes are no longer
 * wanted (the consumer went away): the provider connection is reset instead of being read to the end.
 */
public final class ProviderBytes {
    private final String contentType;
    private final Long contentLength;
    private final String fileName;
    private final ReadStream<Buffer> content;
    private final Runnable onAbort;

    /**
     * @param contentType   the provider's {@code Content-Type}, or null
     * @param contentLength the provider's {@code Content-Length}, or null when not given
     * @param fileName      the file name from the provider's {@code Content-Disposition}, or null
     * @param content       the bytes, paused
     * @param onAbort       resets the provider connection
     */
    public ProviderBytes(String contentType, Long contentLength, String fileName, ReadStream<Buffer> content,
            Runnable onAbort) {
        this.contentType = contentType;
        this.contentLength = contentLength;
        this.fileName = fileName;
        this.content = Objects.requireNonNull(content, "content");
        this.onAbort = Objects.requireNonNull(onAbort, "onAbort");
    }

    /** The provider's {@code Content-Type}, or null. */
    public String contentType() {
        return contentType;
    }

    /** The provider's {@code Content-Length}, or null when it sent none (a chunked answer). */
    public Long contentLength() {
        return contentLength;
    }

    /**
     * The file name from the provider's {@code Content-Disposition} ({@code filename*} preferred over
     * {@code filename}), decoded, control characters removed, not yet made safe for a header; null when none.
     */
    public String fileName() {
        return fileName;
    }

    /** The bytes, paused, with back-pressure. */
    public ReadStream<Buffer> content() {
        return content;
    }

    /** Stops the transfer: the provider connection is reset and the content stream fails. Idempotent. */
    public void abort() {
        onAbort.run();
    }

    @Override
    public String toString() {
        return "ProviderBytes[contentType=" + contentType + ", contentLength=" + contentLength + "]";
    }
}
