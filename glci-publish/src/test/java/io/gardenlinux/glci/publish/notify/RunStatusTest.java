package io.gardenlinux.glci.publish.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void readsTheStatusDictionaryInOrder() {
        RunStatus status = RunStatus.parse("{\"status_b\": \"Succeeded\", \"status_a\": \"Failed\", \"status_c\": null,"
                + " \"status_d\": \"None\"}");
        assertThat(status.tasks()).containsExactly(new TaskResult("status_b", "Succeeded"),
                new TaskResult("status_a", "Failed"), new TaskResult("status_c", "None"),
                new TaskResult("status_d", "None"));
        assertThat(status.allSucceeded()).isFalse();
        assertThat(status.notSucceeded()).extracting(TaskResult::task).containsExactly("status_a", "status_c",
                "status_d");
    }

    @Test
    void theParametersDefaultMeansNoStatus() {
        assertThat(RunStatus.parse("~").tasks()).isEmpty();
        assertThat(RunStatus.parse(" ").allSucceeded()).isTrue();
    }

    @Test
    void somethingElseIsNamed() {
        assertThatThrownBy(() -> RunStatus.parse("{status_a: Failed"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("status dictionary (setting 'statusDict')");
        assertThatThrownBy(() -> RunStatus.parse("[\"Failed\"]"))
                .hasMessageContaining("expected a JSON object of task to status");
        assertThatThrownBy(() -> RunStatus.parse("{\"status_a\": 3}"))
                .hasMessageContaining("status_a: expected a status (Succeeded, Failed or None), not 3");
    }

    @Test
    void recipientLists() {
        assertThat(Notifier.addresses(" a@x.org; ;b@x.org;a@x.org ")).containsExactly("a@x.org", "b@x.org");
        assertThat(Notifier.addresses(" ")).isEqualTo(List.of());
    }
}
