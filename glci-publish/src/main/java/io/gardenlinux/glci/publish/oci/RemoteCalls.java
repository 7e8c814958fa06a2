package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.Reporter;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import land.oras.exception.OrasException;

/**
 * Runs registry calls with a deadline and retries transient failures (no answer, time-outs, HTTP 5xx and 429) with
 * exponential backoff. The deadline is enforced here because the ORAS client sets only a connect timeout: each call
 * runs on a worker thread and is interrupted (which aborts a {@code java.net.http} exchange) when it is late.
 */
final class RemoteCalls {

    /** A response status that is worth another try. */
    static final class TransientStatusException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        TransientStatusException(int status, String message) {
            super("HTTP " + status + (message == null || message.isBlank() ? "" : ": " + message));
            this.status = status;
        }
    }

    private final ExecutorService executor;
    private final int attempts;
    private final Duration firstBackoff;
    private final Reporter reporter;

    RemoteCalls(ExecutorService executor, int attempts, Duration firstBackoff, Reporter reporter) {
        this.executor = executor;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.reporter = reporter;
    }

    /** Whether a status answers "try again later". */
    static boolean isTransient(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    /**
     * Runs {@code call}, at most {@code timeout} per attempt, retrying transient failures. The last failure is
     * thrown: a {@link TimeoutException} wrapped in an {@link IOException}, or what the call threw.
     */
    <T> T call(String what, Duration timeout, Callable<T> call) throws Exception {
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                long backoff = firstBackoff.toMillis() << (attempt - 2);
                reporter.warn(what + " failed (" + reason(last) + "); attempt " + attempt + " of " + attempts
                        + " in " + backoff + " ms");
                Thread.sleep(backoff);
            }
            Future<T> future = executor.submit(call);
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                last = new IOException("no answer within " + timeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof Exception exception)) {
                    throw new IllegalStateException(what + " failed", cause);
                }
                if (!isTransient(exception)) {
                    throw exception;
                }
                last = exception;
            }
        }
        throw last;
    }

    private static boolean isTransient(Exception e) {
        if (e instanceof TransientStatusException || e instanceof IOException) {
            return true;
        }
        if (e instanceof OrasException oras) {
            int status = oras.getStatusCode();
            // ORAS reports an I/O failure as an exception without a status, caused by the IOException
            return status <= 0 ? causedByIo(oras) : isTransient(status);
        }
        return false;
    }

    static boolean causedByIo(Throwable e) {
        return ioCause(e) != null;
    }

    /** The outermost I/O failure in the causes of {@code e}, or null. */
    static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** What went wrong, for a person: the I/O failure underneath wrappers when there is one. */
    static String reason(Throwable e) {
        IOException io = ioCause(e);
        if (io == null) {
            return describe(e);
        }
        if (io instanceof ConnectException) {
            return "connection refused or no route to the host (" + io.getClass().getSimpleName() + ")";
        }
        return io.getMessage() == null ? io.getClass().getSimpleName()
                : io.getClass().getSimpleName() + ": " + io.getMessage();
    }

    static String describe(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null
                && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + describe(cause);
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
