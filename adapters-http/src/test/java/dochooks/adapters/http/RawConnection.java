package dochooks.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to the API on loopback, driven byte by byte, for what a well-behaved client library
 * hides: a body sent in part and abandoned, a connection closed mid-answer, an answer cut short, a server that
 * closes the connection. Every read is bounded by a timeout.
 */
final class RawConnection implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    /** The status line and headers of an answer (header names lower-cased). */
    record Head(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The declared {@code Content-Length}, or -1. */
        long contentLength() {
            String length = header("Content-Length");
            return length == null ? -1 : Long.parseLong(length);
        }
    }

    /** How a body read to the end of the connection went: the bytes that came, and whether the server cut it. */
    record BodyEnd(long bytes, boolean reset) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends a request head: the request line and headers, then the empty line. */
    RawConnection sendHead(String method, String target, String... headerLines) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Sends {@code count} bytes of body. */
    RawConnection sendBody(long count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (long sent = 0; sent < count; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, count - sent));
        }
        out.flush();
        return this;
    }

    /** Reads the status line and headers of the next answer. */
    Head readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended before an answer head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Head(Integer.parseInt(lines[0].split(" ")[1]), headers);
    }

    /** Reads exactly {@code count} body bytes (or fewer when the connection ends first); returns how many came. */
    long readBody(long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        while (read < count) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - read));
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }

    /** Reads what comes until the server ends or resets the connection. */
    BodyEnd readToEnd() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
            }
            return new BodyEnd(read, false);
        } catch (SocketTimeoutException silent) {
            throw new AssertionError("the server neither ended nor closed the connection after " + read + " bytes");
        } catch (SocketException reset) {
            return new BodyEnd(read, true);
        }
    }

    /** Whether the server closed the connection within the read timeout (nothing more comes, or a reset). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
