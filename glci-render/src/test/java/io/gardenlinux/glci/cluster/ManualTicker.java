package io.gardenlinux.glci.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Time that only a test moves, for {@link RunFollower}: a wait for the next event ends when an event comes or when
 * the test has moved the time to the wait's end, however long that takes on the wall clock.
 */
final class ManualTicker implements RunFollower.Ticker {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Moves the time on; waits whose end has come end. */
    synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public <T> T poll(BlockingQueue<T> queue, Instant until) throws InterruptedException {
        while (true) {
            // the event, if one comes; else look at the time again soon (this clock does not wake its waiters)
            T next = queue.poll(10, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            if (!now().isBefore(until)) {
                return null;
            }
        }
    }
}
