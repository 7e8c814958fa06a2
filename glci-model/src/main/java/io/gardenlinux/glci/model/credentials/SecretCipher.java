package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.WireValue;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the credentials document ({@code config.json} of the Secret {@code secrets}) is protected, chosen with
 * {@code SECRET_CIPHER_ALGORITHM}; the key is {@code SECRET_KEY}, a base64 AES key of 16, 24 or 32 bytes.
 * <ul>
 * <li>{@code PLAINTEXT}: not encrypted (the original's documented setting).</li>
 * <li>{@code AES.ECB}: the original's cipher, AES-ECB with PKCS#7 padding. glci reads it but never writes it: ECB
 * shows repeated blocks and does not detect tampering.</li>
 * <li>{@code AES.GCM}: what glci writes: AES-GCM with a random 12-byte nonce and a 128-bit tag, stored as
 * nonce followed by cipher text and tag.</li>
 * </ul>
 */
public enum SecretCipher implements WireValue {
    PLAINTEXT("PLAINTEXT"),
    AES_ECB("AES.ECB"),
    AES_GCM("AES.GCM");

    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final String WRONG_KEY = "Unable to decrypt secret. Key doesn't fit cipher text.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String algorithmName;

    SecretCipher(String algorithmName) {
        this.algorithmName = algorithmName;
    }

    /** The name used in {@code SECRET_CIPHER_ALGORITHM}. */
    @Override
    public String wireValue() {
        return algorithmName;
    }

    public static SecretCipher fromAlgorithmName(String algorithmName) {
        return WireValue.find(SecretCipher.class, algorithmName).orElseThrow(() -> new GlciException(
                "SECRET_CIPHER_ALGORITHM '" + algorithmName + "' is not supported; allowed: "
                        + WireValue.allowed(SecretCipher.class)));
    }

    /** Decodes {@code SECRET_KEY}: base64 of 16, 24 or 32 bytes. The message never repeats the key. */
    public static byte[] decodeKey(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new GlciException("SECRET_KEY is not valid base64; it must be a base64 AES key of 16, 24 or 32 bytes");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new GlciException("SECRET_KEY is " + key.length + " bytes long; it must be a base64 AES key of 16,"
                    + " 24 or 32 bytes");
        }
        return key;
    }

    /** Decrypts a document; a key that does not fit gives the original's message. */
    public byte[] decrypt(byte[] data, byte[] key) {
        try {
            switch (this) {
                case PLAINTEXT:
                    return data.clone();
                case AES_ECB: {
                    Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
                    return cipher.doFinal(data);
                }
                case AES_GCM: {
                    if (data.length < GCM_NONCE_BYTES + GCM_TAG_BITS / 8) {
                        throw new GlciException(WRONG_KEY + " (the document is too short for " + algorithmName + ")");
                    }
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(GCM_TAG_BITS, data, 0, GCM_NONCE_BYTES));
                    return cipher.doFinal(data, GCM_NONCE_BYTES, data.length - GCM_NONCE_BYTES);
                }
                default:
                    throw new IllegalStateException("unhandled cipher " + this);
            }
        } catch (BadPaddingException e) { // AES.ECB padding or the AES.GCM tag (AEADBadTagException)
            throw new GlciException(WRONG_KEY, e);
        } catch (GeneralSecurityException e) {
            throw new GlciException("cannot decrypt the credentials with " + algorithmName + ": " + e.getMessage(), e);
        }
    }

    /** Encrypts a document. glci writes {@code PLAINTEXT} or {@code AES.GCM}; it refuses to write {@code AES.ECB}. */
    public byte[] encrypt(byte[] data, byte[] key) {
        try {
            switch (this) {
                case PLAINTEXT:
                    return data.clone();
                case AES_GCM: {
                    byte[] nonce = new byte[GCM_NONCE_BYTES];
                    RANDOM.nextBytes(nonce);
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(GCM_TAG_BITS, nonce));
                    byte[] sealed = cipher.doFinal(data);
                    byte[] result = Arrays.copyOf(nonce, GCM_NONCE_BYTES + sealed.length);
                    System.arraycopy(sealed, 0, result, GCM_NONCE_BYTES, sealed.length);
                    return result;
                }
                default:
                    throw new GlciException("glci reads " + algorithmName + " but does not write it; set"
                            + " SECRET_CIPHER_ALGORITHM=" + AES_GCM.algorithmName + " to store the credentials encrypted");
            }
        } catch (GeneralSecurityException e) {
            throw new GlciException("cannot encrypt the credentials with " + algorithmName + ": " + e.getMessage(), e);
        }
    }
}
