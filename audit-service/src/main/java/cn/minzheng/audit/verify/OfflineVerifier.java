package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainFailure;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.chain.ChainWalk;
import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.audit.chain.RecordKeyFile;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.checkpoint.Checkpoint;
import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.export.NdjsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an NDJSON export against the audit service's public key(s), without the service:
 * {@code java -cp audit-service.jar cn.minzheng.audit.verify.OfflineVerifier [--record-key keyfile ...] export.ndjson publickey.pem [more.pem ...]}
 * (each key file may hold several PUBLIC KEY blocks, e.g. {@code /public/keys.pem}: current and
 * retired keys; each checkpoint is checked against the key its {@code keyId} names)
 * (with the Boot jar: {@code java -cp target/audit-service-0.1.0-SNAPSHOT.jar
 * -Dloader.main=cn.minzheng.audit.verify.OfflineVerifier org.springframework.boot.loader.launch.PropertiesLauncher ...}).
 *
 * <p>A chain export: every checkpoint's Ed25519 signature is checked, then the records are
 * re-walked; the records up to the last valid checkpoint are proven unaltered. A query export
 * ({@link QueryExportCheck}): each record, each link between consecutive records and each
 * checkpoint is checked, and the gaps the file cannot prove are listed with their online checks.
 *
 * <p>With {@code --record-key <file>} (the service's record key file, and any retired one: each
 * record names its key) every record's MAC is checked too, so a record appended, altered or moved
 * by someone who could write the database but does not hold the key is named. Without it MACs are
 * not checked (a NOTE says so): the checkpoints' public keys are public, the record key is not.
 * Exit code 0: intact (and every record MAC valid when a key was given); 1: tampered; 2:
 * unreadable; 3: intact, but records without a MAC (written before record MACs) — named as a range.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    /** Exit code of an intact export whose records (some) carry no MAC. */
    public static final int UNAUTHENTICATED = 3;

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        List<RecordMac.Key> recordKeys = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--record-key") && i + 1 < args.length) {
                try {
                    recordKeys.add(RecordKeyFile.read(Path.of(args[++i])));
                } catch (IllegalStateException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                    return;
                }
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() < 2) {
            System.err.println("usage: OfflineVerifier [--record-key <record-key-file> ...] <export.ndjson> "
                    + "<publickey.pem> [<publickey.pem> ...]");
            System.exit(2);
        }
        List<PublicKey> keys = new ArrayList<>();
        for (String file : positional.subList(1, positional.size())) {
            try {
                keys.addAll(PublicKeys.parseAll(Files.readString(Path.of(file), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | IOException e) {
                System.err.println("cannot read the public key " + file + ": " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        RecordMac macs = recordKeys.isEmpty() ? null : RecordMac.verifying(recordKeys);
        try (Reader in = Files.newBufferedReader(Path.of(positional.get(0)), StandardCharsets.UTF_8)) {
            System.exit(verify(in, VerificationKeys.trusted(keys), macs, System.out).exitCode());
        }
    }

    /** The outcome of checking one export file (a chain export: verdict; a query export: query). */
    public record Report(ChainVerdict verdict, int checkpoints, String problem, QueryExportCheck.Result query) {
        public Report(ChainVerdict verdict, int checkpoints, String problem) {
            this(verdict, checkpoints, problem, null);
        }

        public int exitCode() {
            if (query != null) {
                return !query.intact() ? 1 : query.withoutMac() > 0 ? UNAUTHENTICATED : 0;
            }
            if (problem != null && verdict == null) {
                return 2;
            }
            if (verdict == null || !verdict.ok() || problem != null) {
                return 1;
            }
            return verdict.unauthenticated() != null ? UNAUTHENTICATED : 0;
        }
    }

    public static Report verify(Reader input, PublicKey key, PrintStream out) throws IOException {
        return verify(input, VerificationKeys.trusted(List.of(key)), out);
    }

    /** Checks the export; each checkpoint against the trusted key its {@code keyId} names; record MACs not checked. */
    public static Report verify(Reader input, VerificationKeys keys, PrintStream out) throws IOException {
        return verify(input, keys, null, out);
    }

    /**
     * Checks the export; each checkpoint against the trusted key its {@code keyId} names and, when
     * {@code macs} is given, each record's MAC against the record key its {@code macKeyId} names.
     */
    public static Report verify(Reader input, VerificationKeys keys, RecordMac macs, PrintStream out)
            throws IOException {
        BufferedReader lines = new BufferedReader(input);
        String headerLine = lines.readLine();
        Map<String, Object> header;
        try {
            header = headerLine == null ? null : JsonText.parseObject(headerLine);
        } catch (IllegalArgumentException e) {
            header = null;
        }
        if (header != null && NdjsonLines.QUERY_HEADER.equals(header.get(NdjsonLines.TYPE))) {
            try {
                QueryExportCheck.Result result = QueryExportCheck.check(header, lines, keys, macs);
                QueryExportCheck.print(result, out);
                return new Report(null, result.checkpoints(), null, result);
            } catch (IllegalArgumentException e) {
                return report(out, new Report(null, 0, e.getMessage()));
            }
        }
        if (header == null || !NdjsonLines.HEADER.equals(header.get(NdjsonLines.TYPE))) {
            return report(out, new Report(null, 0, "line 1 is not an audit-export header"));
        }
        String chain = String.valueOf(header.get("chain"));
        long from = ((Number) header.get("fromSequence")).longValue();
        long to = ((Number) header.get("toSequence")).longValue();
        Map<Long, String> signed = new HashMap<>();
        ChainWalk walk = null;
        int lineNo = 1;
        int checkpoints = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m;
            try {
                m = JsonText.parseObject(line);
            } catch (IllegalArgumentException e) {
                return report(out, new Report(walk == null ? null : walk.finish(null), checkpoints,
                        "line " + lineNo + " is not JSON: " + e.getMessage()));
            }
            Object type = m.get(NdjsonLines.TYPE);
            if (NdjsonLines.CHECKPOINT.equals(type)) {
                if (walk != null) {
                    return report(out, new Report(walk.finish(null), checkpoints,
                            "line " + lineNo + ": checkpoints must precede the records"));
                }
                Checkpoint c = Checkpoint.fromJson(m);
                if (!chain.equals(c.chain()) || !keys.valid(c)) {
                    return report(out, new Report(new ChainWalk(chain, from, null, Map.of(), macs).finish(null), checkpoints,
                            "line " + lineNo + ": checkpoint at sequence " + c.sequence()
                            + " has no valid signature by " + (keys.knows(c.keyId())
                                    ? "its key " + c.keyId() : "any given key (it names key " + c.keyId()
                                    + "; given: " + keys.ids() + ")")));
                }
                signed.put(c.sequence(), c.hash());
                checkpoints++;
            } else if (NdjsonLines.RECORD.equals(type)) {
                if (walk == null) {
                    walk = new ChainWalk(chain, from, null, signed, macs);
                }
                AuditRecord r;
                try {
                    r = AuditRecord.fromJson(m);
                } catch (IllegalArgumentException e) {
                    return report(out, new Report(walk.finish(null), checkpoints,
                            "line " + lineNo + " is not a record: " + e.getMessage()));
                }
                if (!walk.accept(r)) {
                    break;
                }
            } else {
                return report(out, new Report(walk == null ? null : walk.finish(null), checkpoints,
                        "line " + lineNo + " has an unknown @type"));
            }
        }
        if (walk == null) {
            walk = new ChainWalk(chain, from, null, signed, macs);
        }
        return report(out, new Report(walk.finish(to), checkpoints, null));
    }

    private static Report report(PrintStream out, Report report) {
        ChainVerdict v = report.verdict();
        if (report.problem() != null) {
            out.println("INVALID EXPORT: " + report.problem());
        }
        if (v != null && v.ok()) {
            out.printf("OK chain=%s records=%d sequences=%d..%s checkpoints=%d signedUpTo=%d head=%s%n",
                    v.chain(), v.count(), v.fromSequence(), v.toSequence(), report.checkpoints(), v.signedUpTo(),
                    v.headHash());
            if (v.toSequence() != null && v.signedUpTo() < v.toSequence()) {
                out.printf("NOTE records after sequence %d are chained but not yet covered by a signed checkpoint%n",
                        v.signedUpTo());
            }
            if (v.macsChecked()) {
                out.printf("OK %d record MACs valid%n", v.authenticatedCount());
            } else {
                out.println("NOTE record MACs not checked: no record key given (--record-key <file>)");
            }
            if (v.unauthenticated() != null) {
                out.printf("UNAUTHENTICATED chain=%s %s%n", v.chain(), v.unauthenticated().reason());
            }
        } else if (v != null) {
            ChainFailure f = v.failure();
            out.printf("TAMPERED chain=%s sequence=%d kind=%s expected=%s found=%s (%s); %d records before it are intact%n",
                    v.chain(), f.sequence(), f.kind(), f.expectedHash(), f.foundHash(), f.reason(), v.count());
        }
        return report;
    }
}
