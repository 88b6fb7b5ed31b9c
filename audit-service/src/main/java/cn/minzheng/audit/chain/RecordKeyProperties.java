package cn.minzheng.audit.chain;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.audit.record-key.*}: the key of the record MACs ({@link RecordMac}).
 *
 * @param file              one line of base64, at least 32 random bytes ({@code MINZHENG_AUDIT_RECORDKEY_FILE};
 *                          compose: {@code /run/secrets/audit_record_key}); no default — without it the
 *                          service does not start
 * @param generateIfMissing create the file with a new key when it does not exist (devstack, tests);
 *                          production leaves it false and provides the file
 * @param retiredFiles      key files of earlier keys, kept after a rotation so the records they MAC'd
 *                          still verify (each record names its key by {@code macKeyId})
 */
@ConfigurationProperties("minzheng.audit.record-key")
public record RecordKeyProperties(Path file, boolean generateIfMissing, List<Path> retiredFiles) {

    public RecordKeyProperties {
        retiredFiles = retiredFiles == null ? List.of() : List.copyOf(retiredFiles);
    }

    /** The record MACs of this configuration; refuses to start without a key, saying how to make one. */
    public RecordMac load() {
        if (file == null) {
            throw new IllegalStateException("no audit record key: set minzheng.audit.record-key.file "
                    + "(MINZHENG_AUDIT_RECORDKEY_FILE; compose mounts the secret audit_record_key at "
                    + "/run/secrets/audit_record_key). Every audit record carries an HMAC made with this key, held "
                    + "outside MongoDB, so the database credential alone cannot forge or alter the trail. Make one with "
                    + RecordKeyFile.HOW_TO_CREATE + " and keep it with the service's other secrets (not in the database "
                    + "or its backups)");
        }
        if (!generateIfMissing && !java.nio.file.Files.exists(file)) {
            throw new IllegalStateException("audit record key file " + file.toAbsolutePath() + " does not exist and "
                    + "minzheng.audit.record-key.generate-if-missing is false; make it with "
                    + RecordKeyFile.howToCreate(file));
        }
        return RecordMac.of(RecordKeyFile.load(file, generateIfMissing), RecordKeyFile.retired(retiredFiles));
    }
}
