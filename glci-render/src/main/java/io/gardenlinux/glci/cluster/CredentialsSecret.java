package io.gardenlinux.glci.cluster;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.gardenlinux.glci.cluster.Applied.Outcome;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.SecretCipher;
import io.gardenlinux.glci.render.StepCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Secret {@code secrets} that pipeline steps read their credentials from (key {@code config.json}, the merged
 * document of {@link Credentials#toDocument()}, mounted at {@code /secrets}), and, when the document is encrypted,
 * the Secret {@code secrets-key} that steps read {@code SECRET_KEY} from through a {@code secretKeyRef}.
 *
 * <p>Unlike the original, which deleted and recreated the Secret, glci updates it in place, so a step starting
 * meanwhile never finds it missing. An encrypted document that the cluster already holds is left alone when it
 * decrypts to the same credentials (AES-GCM encrypts the same document differently each time).
 */
public final class CredentialsSecret {

    /** The Secret with the credentials document; the names are those the rendered steps refer to. */
    public static final String SECRET_NAME = StepCredentials.SECRET_NAME;
    /** The key of the document in it. */
    public static final String DOCUMENT_KEY = StepCredentials.DOCUMENT_KEY;
    /** The Secret with the key ({@code SECRET_KEY}, base64) of an encrypted document. */
    public static final String KEY_SECRET_NAME = StepCredentials.KEY_SECRET_NAME;
    /** The key of {@code SECRET_KEY} in {@link #KEY_SECRET_NAME}. */
    public static final String KEY_KEY = StepCredentials.KEY_SECRET_KEY;

    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "glci");

    private final ClusterConnection connection;
    private final Reporter reporter;

    public CredentialsSecret(ClusterConnection connection, Reporter reporter) {
        this.connection = connection;
        this.reporter = reporter;
    }

    /**
     * Creates or updates the Secrets the settings call for: none in secrets-server mode (where {@code credentials}
     * may be null), else {@code secrets} and, when encrypted, {@code secrets-key}.
     */
    public List<Applied> apply(Credentials credentials, SecretSettings settings) {
        List<Applied> applied = new ArrayList<>();
        if (settings.secretsServer().isPresent()) {
            reporter.info("Secrets server mode (" + settings.secretsServer().get().variable() + " is set): no Secret '"
                    + SECRET_NAME + "' is made; steps ask the secrets server");
        }
        Applier applier = new Applier(connection, reporter);
        if (settings.encrypted()) {
            applied.addAll(applier.apply(List.of(keySecret(settings))));
        }
        if (settings.secretsServer().isEmpty()) {
            applied.add(applyDocument(credentials.toDocument(), settings, applier, applied));
        }
        return List.copyOf(applied);
    }

    private Applied applyDocument(byte[] document, SecretSettings settings, Applier applier, List<Applied> before) {
        byte[] key = settings.key().map(SecretCipher::decodeKey).orElse(null);
        Secret existing = connection.call("reading Secret " + SECRET_NAME, () -> connection.client().secrets()
                .inNamespace(connection.namespace()).withName(SECRET_NAME).get());
        if (existing != null && holds(existing, document, settings.cipher(), key)
                && LABELS.equals(existing.getMetadata().getLabels())) {
            reporter.info("Secret " + SECRET_NAME + ": " + Outcome.UNCHANGED + (settings.encrypted()
                    ? " (" + settings.cipher().wireValue() + ")" : ""));
            return new Applied("Secret", SECRET_NAME, Outcome.UNCHANGED);
        }
        byte[] stored = settings.cipher().encrypt(document, key);
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(SECRET_NAME).withLabels(LABELS).endMetadata()
                .withType("Opaque")
                .withData(Map.of(DOCUMENT_KEY, Base64.getEncoder().encodeToString(stored)))
                .build();
        try {
            return applier.apply(List.of(secret)).get(0);
        } catch (ApplyException e) {
            List<Applied> all = new ArrayList<>(before);
            all.addAll(e.applied());
            throw new ApplyException((ClusterException) e.getCause(), all);
        }
    }

    private static boolean holds(Secret existing, byte[] document, SecretCipher cipher, byte[] key) {
        String data = existing.getData() == null ? null : existing.getData().get(DOCUMENT_KEY);
        if (data == null) {
            return false;
        }
        try {
            return Arrays.equals(cipher.decrypt(Base64.getDecoder().decode(data), key), document);
        } catch (GlciException | IllegalArgumentException e) {
            return false; // another key or cipher, or not base64: rewrite it
        }
    }

    private static Secret keySecret(SecretSettings settings) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(KEY_KEY, base64(settings.key().orElseThrow()));
        return new SecretBuilder()
                .withNewMetadata().withName(KEY_SECRET_NAME).withLabels(LABELS).endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
