package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainFailure;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.export.NdjsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineVerifierTest {

    private static final SigningKey KEY = SigningKey.generate();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private static String export(List<AuditRecord> records, long... checkpointAt) {
        StringBuilder out = new StringBuilder(NdjsonLines.header("assistance.events-0", 1, records.size(),
                KEY.keyId(), "2026-03-02T00:00:00Z"));
        for (long seq : checkpointAt) {
            AuditRecord r = records.get((int) seq - 1);
            out.append(NdjsonLines.checkpoint(KEY.sign(new ChainHead(r.chain(), seq, r.hash()), Instant.now())));
        }
        records.forEach(r -> out.append(NdjsonLines.record(r)));
        return out.toString();
    }

    private OfflineVerifier.Report verify(String text, SigningKey key) throws IOException {
        return OfflineVerifier.verify(new StringReader(text), key.publicKey(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void anIntactExportVerifies() throws IOException {
        OfflineVerifier.Report report = verify(export(ChainFixture.chain(12), 5, 12), KEY);
        assertThat(report.exitCode()).isZero();
        assertThat(report.verdict().count()).isEqualTo(12);
        assertThat(report.verdict().signedUpTo()).isEqualTo(12);
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("OK chain=assistance.events-0 records=12");
    }

    @Test
    void anEditedLineIsNamed() throws IOException {
        String text = export(ChainFixture.chain(12), 12).replace("材料齐全 106", "材料不全 106");
        OfflineVerifier.Report report = verify(text, KEY);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.verdict().failure().sequence()).isEqualTo(7);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("TAMPERED", "sequence=7");
    }

    @Test
    void aCutTailIsNamed() throws IOException {
        String text = export(ChainFixture.chain(12), 12);
        String cut = text.substring(0, text.lastIndexOf("{\"@type\""));
        OfflineVerifier.Report report = verify(cut, KEY);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.verdict().failure().sequence()).isEqualTo(12);
    }

    @Test
    void anotherKeyDoesNotVouchForTheExport() throws IOException {
        OfflineVerifier.Report report = verify(export(ChainFixture.chain(3), 3), SigningKey.generate());
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.problem()).contains("no valid signature");
    }

    private OfflineVerifier.Report verifyWithRecordKey(String text, RecordMac.Key... recordKeys) throws IOException {
        return OfflineVerifier.verify(new StringReader(text), VerificationKeys.trusted(List.of(KEY.publicKey())),
                RecordMac.verifying(List.of(recordKeys)), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void givenTheRecordKeyEveryRecordMacIsChecked() throws IOException {
        OfflineVerifier.Report report = verifyWithRecordKey(export(ChainFixture.chain(12), 12), ChainFixture.RECORD_KEY);
        assertThat(report.exitCode()).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.verdict().status()).isEqualTo("AUTHENTICATED");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("OK 12 record MACs valid");

        printed.reset();
        OfflineVerifier.Report keyless = verify(export(ChainFixture.chain(12), 12), KEY);
        assertThat(keyless.exitCode()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("NOTE record MACs not checked");
    }

    @Test
    void aRecordAppendedWithoutTheRecordKeyIsNamedEvenPastTheLastCheckpoint() throws IOException {
        List<AuditRecord> records = new java.util.ArrayList<>(ChainFixture.chain(12));
        AuditRecord last = records.get(11);
        AuditRecord forged = ChainFixture.extendWithoutKey(new ChainHead(last.chain(), 12, last.hash()),
                List.of(ChainFixture.event(ChainFixture.TOPIC, 0, 999)), ChainFixture.RECEIVED).records().get(0)
                .withMac(last.macKeyId(), last.mac());
        records.add(forged);
        String text = export(records, 12);
        OfflineVerifier.Report report = verifyWithRecordKey(text, ChainFixture.RECORD_KEY);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.verdict().failure().kind()).isEqualTo(ChainFailure.Kind.MAC_INVALID);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("TAMPERED", "sequence=13", "kind=MAC_INVALID");
    }

    @Test
    void anExportOfRecordsWrittenBeforeRecordMacsIsIntactButNamedUnauthenticated() throws IOException {
        List<AuditRecord> legacy = ChainFixture.legacyChain(ChainFixture.TOPIC, 0, 6);
        OfflineVerifier.Report report = verifyWithRecordKey(export(legacy, 6), ChainFixture.RECORD_KEY);
        assertThat(report.exitCode()).isEqualTo(OfflineVerifier.UNAUTHENTICATED);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("OK chain=assistance.events-0 records=6",
                "UNAUTHENTICATED chain=assistance.events-0 sequences 1..6 carry no record MAC");
    }

    @Test
    void aFileThatIsNoExportIsUnreadable() throws IOException {
        assertThat(verify("hello\n", KEY).exitCode()).isEqualTo(2);
    }

    @Test
    void checkpointsSignedBeforeAndAfterARotationVerifyWithBothKeys() throws IOException {
        SigningKey retired = SigningKey.generate();
        List<AuditRecord> records = ChainFixture.chain(12);
        StringBuilder text = new StringBuilder(NdjsonLines.header("assistance.events-0", 1, 12, KEY.keyId(),
                "2026-03-02T00:00:00Z"));
        AuditRecord r5 = records.get(4);
        AuditRecord r12 = records.get(11);
        text.append(NdjsonLines.checkpoint(retired.sign(new ChainHead(r5.chain(), 5, r5.hash()), Instant.now())));
        text.append(NdjsonLines.checkpoint(KEY.sign(new ChainHead(r12.chain(), 12, r12.hash()), Instant.now())));
        records.forEach(r -> text.append(NdjsonLines.record(r)));

        // both keys, as served by /public/keys.pem
        var keys = VerificationKeys.trusted(PublicKeys.parseAll(PublicKeys.toPem(KEY.publicKey())
                + PublicKeys.toPem(retired.publicKey())));
        OfflineVerifier.Report both = OfflineVerifier.verify(new StringReader(text.toString()), keys,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(both.exitCode()).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(both.checkpoints()).isEqualTo(2);
        assertThat(both.verdict().signedUpTo()).isEqualTo(12);

        // only the current key: the old checkpoint is named with the key it needs
        OfflineVerifier.Report currentOnly = verify(text.toString(), KEY);
        assertThat(currentOnly.exitCode()).isEqualTo(1);
        assertThat(currentOnly.problem()).contains("sequence 5", retired.keyId());
    }
}
