package dev.adfrest.camel.http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * callTimeout's deadlines share one timer task per transport (not one per request): every request still running at
 * its deadline is cancelled, in the order of the deadlines, and a request done before its deadline never is.
 */
class CallTimeoutTest {

    /** Requests in the order they were cancelled. */
    private final List<String> cancelled = new CopyOnWriteArrayList<>();

    private Cancellable request(String name) {
        return () -> {
            cancelled.add(name);
            return true;
        };
    }

    @Test
    void aRequestStillRunningAtItsDeadlineIsCancelledAndExplainedAsTheCallTimeout() {
        CallTimeout timeout = new CallTimeout(Duration.ofMillis(100));

        CallTimeout.Deadline deadline = timeout.start(request("slow"));

        await().atMost(Duration.ofSeconds(20)).until(() -> cancelled.contains("slow"));
        IOException cause = new IOException("socket closed");
        assertThat(deadline.explain(cause)).isInstanceOf(CallTimeout.ExceededException.class)
                .hasMessageContaining("callTimeout (100 ms)").hasCause(cause);
        deadline.close();
    }

    @Test
    void requestsDoneBeforeTheirDeadlineAreNeverCancelled() {
        CallTimeout timeout = new CallTimeout(Duration.ofMillis(150));
        List<CallTimeout.Deadline> done = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            CallTimeout.Deadline d = timeout.start(request("fast " + i));
            d.close();
            done.add(d);
        }

        // a later request's deadline comes after all of theirs: once it has been cancelled, theirs have passed
        timeout.start(request("last"));
        await().atMost(Duration.ofSeconds(20)).until(() -> cancelled.contains("last"));

        assertThat(cancelled).containsExactly("last");
        IOException cause = new IOException("x");
        assertThat(done).allSatisfy(d -> assertThat(d.explain(cause)).isSameAs(cause));
    }

    @Test
    void requestsRunningAtOnceAreEachCancelledAtTheirOwnDeadlineInTurn() {
        CallTimeout timeout = new CallTimeout(Duration.ofMillis(200));

        timeout.start(request("first"));
        timeout.start(request("second")).close(); // done in time, between the two
        timeout.start(request("third"));
        await().atMost(Duration.ofSeconds(20)).until(() -> cancelled.contains("third"));
        // the timer is armed again for a request started after the others were cancelled
        timeout.start(request("fourth"));
        await().atMost(Duration.ofSeconds(20)).until(() -> cancelled.contains("fourth"));

        assertThat(cancelled).containsExactly("first", "third", "fourth");
    }

    @Test
    void aZeroLimitSetsNoDeadline() {
        CallTimeout timeout = new CallTimeout(Duration.ZERO);

        CallTimeout.Deadline deadline = timeout.start(request("any"));
        deadline.close();

        IOException cause = new IOException("x");
        assertThat(deadline.explain(cause)).isSameAs(cause);
        assertThat(cancelled).isEmpty();
    }
}
