package dev.atelier.platform.testing;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A public write (signup, customer registration) through the real app: every request counts against its client's
 * limit before its body is read or checked (bad bodies, wrong types and oversized ones too), every loopback address
 * is one client, and JSON bodies over the cap are refused with 413 before parsing. Each app's
 * {@code PublicWritesIT} extends this with its own {@code @SpringBootTest}.
 */
public abstract class PublicWritesContract {

    public static final int LIMIT = 6;
    static final TestCells CELLS = TestCells.create("public_writes");

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 2);
        registry.add("atelier.rate-limits.public-writes-per-minute", () -> Integer.toString(LIMIT));
    }

    @LocalServerPort
    protected int port;

    /** The host the write is sent to (a chain's, for the storefront). */
    protected abstract String host();

    /** The write's path, e.g. {@code /api/v1/signup}. */
    protected abstract String path();

    /** A body of the right shape (which, limited, never reaches the identity server). */
    protected abstract String validBody();

    @Test
    void everyRequestCountsBeforeItsBodyIsReadAndEveryLoopbackAddressIsOneClient() {
        Http http = new Http(port);
        byte[] tenMegabytes = jsonOf(10 * 1024 * 1024);

        // refused unread by its length: no work done, so not counted
        assertProblem(http.postBytes(host(), path(), "application/json", tenMegabytes, false), 413,
                "body-too-large");
        // 1: sent without a length, cut off at the cap while being read
        assertProblem(http.postBytes(host(), path(), "application/json", tenMegabytes, true), 413,
                "body-too-large");
        // 2-6: refused bodies count as well
        assertProblem(http.post(host(), path(), "{}"), 400, "validation");
        assertProblem(http.post(host(), path(), "{"), 400, "malformed-request");
        assertProblem(http.postBytes(host(), path(), "text/plain", "hello".getBytes(StandardCharsets.UTF_8), false),
                415, "unsupported-media-type");
        assertProblem(http.post(host(), path(), "[]"), 400, "malformed-request");
        assertProblem(http.post(host(), path(), "{}"), 400, "validation");

        Http.Response limited = http.post(host(), path(), validBody());
        assertProblem(limited, 429, "too-many-requests");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertProblem(http.post(host(), path(), "{}"), 429, "too-many-requests");
        assertProblem(http.postBytes(host(), path(), "application/json", jsonOf(100 * 1024), true), 429,
                "too-many-requests");

        if (reachable("::1")) {
            assertProblem(new Http("[::1]", port).post(host(), path(), validBody()), 429, "too-many-requests");
        }
        for (String loopback : new String[]{"127.0.0.2", "127.1.2.3"}) {
            if (reachable(loopback)) {
                assertProblem(new Http(loopback, port).post(host(), path(), "{}"), 429, "too-many-requests");
            }
        }
    }

    /** A JSON object of about {@code size} bytes: {@code {"x":"xxxx…"}}. */
    static byte[] jsonOf(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] start = "{\"x\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private boolean reachable(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
