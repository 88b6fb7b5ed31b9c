package cn.minzheng.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.export.NdjsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A query export of sequences 3, 4, 5, 9, 12, 13, 14, 15 of a 20-record chain with signed
 * checkpoints at 5, 10 and 14: what is proven offline, what is left to the online checks, and
 * each kind of edit named at its line (header = line 1, so record n of the file is line n + 1).
 */
class QueryExportCheckTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final List<AuditRecord> CHAIN = ChainFixture.chain(20);
    private static final long[] EXPORTED = {3, 4, 5, 9, 12, 13, 14, 15};
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private static AuditRecord at(long sequence) {
        return CHAIN.get((int) sequence - 1);
    }

    /** Lines as the service streams them: header, records, the chain's checkpoints in [3, 15], trailer. */
    static List<String> exportLines() {
        List<String> lines = new ArrayList<>();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("subject", "DB2026-3");
        lines.add(NdjsonLines.queryHeader(query, KEY.keyId(), "2026-03-02T00:00:00Z", 100000));
        for (long s : EXPORTED) {
            lines.add(NdjsonLines.record(at(s)));
        }
        for (long c : new long[] {5, 10, 14}) {
            lines.add(NdjsonLines.checkpoint(KEY.sign(new ChainHead(at(c).chain(), c, at(c).hash()), Instant.now())));
        }
        lines.add(NdjsonLines.end(EXPORTED.length, 1, false));
        return lines;
    }

    private OfflineVerifier.Report verify(List<String> lines) throws IOException {
        return OfflineVerifier.verify(new StringReader(String.join("", lines)),
                VerificationKeys.trusted(List.of(KEY.publicKey())), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIntactQueryExportSaysWhatItProvedAndWhatToCheckOnline() throws IOException {
        OfflineVerifier.Report report = verify(exportLines());
        QueryExportCheck.Result r = report.query();
        assertThat(report.exitCode()).as(printed()).isZero();
        assertThat(r.records()).isEqualTo(8);
        assertThat(r.selfConsistent()).isEqualTo(8);
        assertThat(r.links()).isEqualTo(5);          // 3-4, 4-5, 12-13, 13-14, 14-15
        assertThat(r.gaps()).isEqualTo(2);           // 6..8, 10..11
        assertThat(r.checkpointsOnRecords()).isEqualTo(2); // 5 and 14; 10 falls in a gap
        assertThat(r.anchored()).isEqualTo(6);       // 3..5 by 5, 12..14 by 14; not 9, not 15
        String chain = at(1).chain();
        assertThat(r.online()).containsExactly(
                new QueryExportCheck.OnlineCheck(chain, 6, 9L, at(5).hash(), at(9).hash(),
                        "gap: sequences 6..8 are not in this export"),
                new QueryExportCheck.OnlineCheck(chain, 10, 12L, at(9).hash(), at(12).hash(),
                        "gap: sequences 10..11 are not in this export"),
                new QueryExportCheck.OnlineCheck(chain, 16, null, at(15).hash(), null,
                        "records up to sequence 15 are not all anchored to a signed checkpoint in this export; this"
                                + " ties them to the checkpoints signed after them"));
        assertThat(printed()).contains("8 records self-consistent", "5 links verified", "2 gaps",
                "GET /api/v1/audit/chains/" + chain + "/verification?from=6&to=9", "RESULT OK");
    }

    @Test
    void anUnanchoredFirstRecordIsPinnedOnline() throws IOException {
        List<String> lines = exportLines();
        lines.remove(1); // drop sequence 3 and its count: the export now starts at 4, still anchored by 5
        lines.set(lines.size() - 1, NdjsonLines.end(7, 1, false));
        assertThat(verify(lines).query().online()).noneMatch(c -> c.why().startsWith("first"));

        List<String> onlyNine = new ArrayList<>(List.of(lines.get(0), NdjsonLines.record(at(9)), NdjsonLines.end(1, 1, false)));
        QueryExportCheck.Result r = verify(onlyNine).query();
        assertThat(r.online().get(0)).isEqualTo(new QueryExportCheck.OnlineCheck(at(9).chain(), 9, 9L, at(9).prevHash(),
                at(9).hash(), "first exported record: its prevHash is taken on trust"));
    }

    /** Each edit of the file and the line and kind it is named with. */
    enum Edit {
        DATA_OF_SEQUENCE_9(l -> replaceIn(l, 4, "材料齐全 108", "材料不全 108")),
        RE_HASHED_SEQUENCE_4(l -> set(l, 2, NdjsonLines.record(ChainFixture.rehashed(
                ChainFixture.withData(at(4), Map.of("aggregateId", "DB2026-3", "reason", "forged")))))),
        RE_HASHED_SEQUENCE_14(l -> set(l, 7, NdjsonLines.record(ChainFixture.rehashed(
                ChainFixture.withData(at(14), Map.of("aggregateId", "DB2026-3", "reason", "forged")))))),
        LINE_OF_SEQUENCE_13_REMOVED(l -> remove(l, 6)),
        TRAILER_CUT(l -> remove(l, l.size() - 1)),
        CHECKPOINT_SIGNATURE_FORGED(l -> replaceIn(l, 9, "\"signature\":\"", "\"signature\":\"AA")),
        SEQUENCE_12_TWICE(l -> {
            l.add(6, l.get(5));
            return set(l, l.size() - 1, NdjsonLines.end(9, 1, false));
        });

        final UnaryOperator<List<String>> apply;

        Edit(UnaryOperator<List<String>> apply) {
            this.apply = apply;
        }

        static List<String> set(List<String> l, int i, String line) {
            l.set(i, line);
            return l;
        }

        static List<String> replaceIn(List<String> l, int i, String from, String to) {
            if (!l.get(i).contains(from)) {
                throw new IllegalStateException("line " + i + " has no " + from + ": " + l.get(i));
            }
            return set(l, i, l.get(i).replace(from, to));
        }

        static List<String> remove(List<String> l, int i) {
            l.remove(i);
            return l;
        }
    }

    @ParameterizedTest(name = "{0} → line {1} {2}")
    @CsvSource({
        "DATA_OF_SEQUENCE_9,          5,  9,  CONTENT_CHANGED",
        // re-hashed by someone with store access: self-consistent, but the next record no longer links
        "RE_HASHED_SEQUENCE_4,        4,  5,  LINK_BROKEN",
        // ... and a re-hashed record under a checkpoint no longer matches the signed hash
        "RE_HASHED_SEQUENCE_14,       8,  14, CHECKPOINT_MISMATCH",
        "LINE_OF_SEQUENCE_13_REMOVED, 12, ,   COUNT_MISMATCH", // named at the trailer; the gap 13..13 then goes online
        "TRAILER_CUT,                 0,  ,   NO_TRAILER",
        "CHECKPOINT_SIGNATURE_FORGED, 10, 5,  SIGNATURE_INVALID",
        "SEQUENCE_12_TWICE,           7,  12, DUPLICATE"})
    void eachEditIsNamedAtItsLine(Edit edit, int line, Long sequence, String kind) throws IOException {
        OfflineVerifier.Report report = verify(edit.apply.apply(new ArrayList<>(exportLines())));
        assertThat(report.exitCode()).as(printed()).isEqualTo(1);
        assertThat(report.query().findings()).as(printed())
                .anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(kind);
                    assertThat(f.line()).isEqualTo(line);
                    assertThat(f.sequence()).isEqualTo(sequence);
                });
        assertThat(printed()).contains("TAMPERED", "kind=" + kind, "RESULT TAMPERED");
    }

    @Test
    void anIsolatedRecordReHashedIsNotProvableOfflineButItsOnlineCheckWouldCatchIt() throws IOException {
        AuditRecord forged = ChainFixture.rehashed(ChainFixture.withData(at(9), Map.of("reason", "forged")));
        List<String> lines = exportLines();
        lines.set(4, NdjsonLines.record(forged));
        OfflineVerifier.Report report = verify(lines);
        assertThat(report.exitCode()).isZero(); // honest limit: nothing in the file contradicts it
        // the online checks of both gaps around it name the forged hash, which the stored chain will not give
        assertThat(report.query().online()).filteredOn(c -> c.to() != null && c.to() == 9).singleElement()
                .satisfies(c -> assertThat(c.headHash()).isEqualTo(forged.hash()).isNotEqualTo(at(9).hash()));
        assertThat(report.query().online()).filteredOn(c -> c.from() == 10).singleElement()
                .satisfies(c -> assertThat(c.anchorHash()).isEqualTo(forged.hash()));
    }

    @Test
    void aLineThatIsNoRecordMakesTheFileUnreadable() throws IOException {
        List<String> lines = exportLines();
        lines.set(3, "{\"@type\":\"record\",\"chain\":\"x\"}\n");
        OfflineVerifier.Report report = verify(lines);
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(printed()).contains("INVALID EXPORT: line 4 is not a record");
    }
}
