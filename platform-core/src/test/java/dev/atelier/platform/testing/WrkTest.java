package dev.atelier.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Reading wrk's report: the percentiles in any unit, the rate, and refusing runs with failed answers. */
class WrkTest {

    private static final String REPORT = """
            Running 10s test @ http://127.0.0.1:8080
              2 threads and 50 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    12.10ms    3.20ms  80.00ms   90.00%
                Req/Sec     2.05k   100.00     2.30k    70.00%
              Latency Distribution
                 50%  850.00us
                 75%    9.10ms
                 90%   15.50ms
                 99%    1.20s
              40960 requests in 10.00s, 8.00MB read
            Requests/sec:   4096.00
            Transfer/sec:      0.80MB
            """;

    @Test
    void readsThePercentilesInTheirUnitsAndTheRate() throws IOException {
        Wrk.Result result = Wrk.parse(REPORT);

        assertThat(result.p50Millis()).isEqualTo(0.85);
        assertThat(result.p90Millis()).isEqualTo(15.5);
        assertThat(result.p99Millis()).isEqualTo(1200.0);
        assertThat(result.requestsPerSecond()).isEqualTo(4096.0);
        assertThat(result.requests()).isEqualTo(40960);
        assertThat(result.row("x")).isEqualTo("| x | 4,096 | 0.85 ms | 15.50 ms | 1200.00 ms |");
    }

    @Test
    void aRunWithFailedAnswersOrSocketErrorsIsRefused() {
        assertThatThrownBy(() -> Wrk.parse(REPORT.replace("Requests/sec", "  Non-2xx or 3xx responses: 12\n"
                + "Requests/sec"))).isInstanceOf(IOException.class).hasMessageContaining("12 answers were not 2xx");
        assertThatThrownBy(() -> Wrk.parse(REPORT.replace("Requests/sec", "  Socket errors: connect 0, read 3, "
                + "write 0, timeout 0\nRequests/sec"))).isInstanceOf(IOException.class)
                .hasMessageContaining("socket errors");
        assertThatThrownBy(() -> Wrk.parse("nothing")).isInstanceOf(IOException.class);
    }
}
