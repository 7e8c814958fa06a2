package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.GlciException;

/** A credential that a configuration names is not among the credentials. */
public class MissingCredentialException extends GlciException {

    private static final long serialVersionUID = 1L;

    public MissingCredentialException(String message) {
        super(message);
    }
}
