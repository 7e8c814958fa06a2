package io.gardenlinux.glci.model;

/**
 * The base of every failure glci reports to a person. Its message is meant to be shown as it is: it names
 * the file or object, the entry, the value and what is allowed.
 */
public class GlciException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GlciException(String message) {
        super(message);
    }

    public GlciException(String message, Throwable cause) {
        super(message, cause);
    }
}
