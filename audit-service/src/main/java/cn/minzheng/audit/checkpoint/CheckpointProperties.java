package cn.minzheng.audit.checkpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.audit.checkpoint.*}.
 *
 * @param keyFile          PEM file with the Ed25519 key (PRIVATE KEY and PUBLIC KEY blocks)
 * @param generateIfMissing create and persist a new key when the file does not exist (devstack);
 *                         production sets false and provides the file
 * @param interval         how often every chain head is signed
 * @param retiredPublicKeys PEM files with the PUBLIC KEY block(s) of keys that signed earlier
 *                         checkpoints (after a rotation), so those stay valid
 */
@ConfigurationProperties("minzheng.audit.checkpoint")
public record CheckpointProperties(Path keyFile, boolean generateIfMissing, Duration interval,
        List<Path> retiredPublicKeys) {

    public CheckpointProperties {
        keyFile = keyFile == null ? Path.of("data", "audit-signing-key.pem") : keyFile;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        retiredPublicKeys = retiredPublicKeys == null ? List.of() : List.copyOf(retiredPublicKeys);
    }
}
