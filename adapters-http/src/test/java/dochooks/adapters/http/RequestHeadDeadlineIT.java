package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Slow-loris clients and idle kept-alive connections are cut off after the request-head deadline. */
@Timeout(30)
class RequestHeadDeadlineIT {
    private static final Duration DEADLINE = Duration.ofMillis(800);
    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start();
        api.api.withRequestHeadDeadline(DEADLINE);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aClientDrippingItsHeadersIsCutOffAfterTheDeadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            OutputStream out = socket.getOutputStream();
            byte[] head = "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                    .getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean cutOff = false;
            for (int i = 0; i < head.length && !cutOff; i++) { // bounded: at most head.length bytes, 100 ms apart
                try {
                    out.write(head[i]);
                    out.flush();
                    Thread.sleep(100);
                } catch (SocketException closedByServer) {
                    cutOff = true;
                }
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(cutOff || readsEndOfStream(socket), "the server closed the dripping connection");
            assertTrue(elapsedMs < head.length * 100L, "cut off before the head was complete (" + elapsedMs + " ms)");
        }
    }

    @Test
    void aPromptRequestIsAnsweredAndAnIdleKeptAliveConnectionClosesAfterTheDeadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(readUntilQuiet(socket.getInputStream()), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "the server closes the idle connection");
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs < 5_000, "closed after about the deadline, waited " + waitedMs + " ms");
        }
    }

    private static boolean readsEndOfStream(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** The bytes available once the first ones arrived (a small answer arrives in one piece on loopback). */
    private static byte[] readUntilQuiet(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int read = in.read(buffer);
        return java.util.Arrays.copyOf(buffer, Math.max(read, 0));
    }
}
