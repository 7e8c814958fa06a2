package io.gardenlinux.glci.model.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's duration syntax, read (glci.timeout, a run's own timeout) and written (rendered timeouts, progress). */
class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"1h30m, PT1H30M", "6h0m0s, PT6H", "90s, PT1M30S", "0, PT0S", "1.5h, PT1H30M", "250ms, PT0.25S",
            "2us, PT0.000002S", "3µs, PT0.000003S", "7ns, PT0.000000007S"})
    void readsGosSyntax(String text, Duration expected) {
        assertThat(GoDuration.parse(text, "glci.timeout")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two hours", "1h 30m", "1d", "", "h", "30"})
    void refusesAnythingElseNamingTheValue(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text, "glci.timeout"))
                .isInstanceOf(GlciException.class)
                .hasMessage("glci.timeout '" + text + "' is not a duration; write it like 45m, 2h or 1h30m");
    }

    @ParameterizedTest
    @CsvSource({"PT1H, 1h", "PT1H30M, 1h30m", "PT1H0M5S, 1h5s", "PT45S, 45s", "PT0S, 0s", "PT0.5S, 0s",
            "PT26H, 26h", "PT-1H-30M, -1h30m"})
    void writesTheShortestForm(Duration duration, String expected) {
        assertThat(GoDuration.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h", "1h30m", "1h5s", "45s", "0s", "12h"})
    void whatItWritesItReadsBack(String text) {
        assertThat(GoDuration.format(GoDuration.parse(text, "t"))).isEqualTo(text);
    }
}
