package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gardenlinux.glci.model.GlciException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A failed call to the cluster, as one line that says what was being done, what went wrong and what to do about
 * it. Built from fabric8's {@link KubernetesClientException}: its HTTP code and the API server's own message.
 */
public class ClusterException extends GlciException {

    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Translates a client failure. {@code doing} says what was being done (e.g. {@code "creating Task
     * build-baseimage"}); {@code where} names the cluster and namespace.
     */
    public static ClusterException of(KubernetesClientException e, String doing, String where) {
        Throwable unreachable = unreachableCause(e);
        if (unreachable != null) {
            return new ClusterException(doing + ": cannot reach the Kubernetes API of " + where + " ("
                    + unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage()
                    + "); check that the cluster runs and that KUBECONFIG or " + GlciSettings.CONTEXT.mention()
                    + " point to it", e);
        }
        String serverMessage = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : e.getMessage();
        switch (e.getCode()) {
            case 401:
                return new ClusterException(doing + ": not authenticated to " + where
                        + "; renew the credentials of the kubeconfig's user (log in again)", e);
            case 403:
                return new ClusterException(doing + ": forbidden by RBAC in " + where + ": " + serverMessage
                        + "; grant the kubeconfig's user that right (a Role or ClusterRole bound to it)", e);
            case 404:
                return new ClusterException(doing + ": not found in " + where + ": " + serverMessage, e);
            default:
                return new ClusterException(doing + " in " + where + " failed"
                        + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "") + ": " + serverMessage, e);
        }
    }

    private static Throwable unreachableCause(KubernetesClientException e) {
        if (e.getCode() > 0) {
            return null;
        }
        Throwable innermostIo = null;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLException
                    || t instanceof TimeoutException) {
                return t;
            }
            if (t instanceof IOException) {
                innermostIo = t;
            }
        }
        return innermostIo;
    }
}
