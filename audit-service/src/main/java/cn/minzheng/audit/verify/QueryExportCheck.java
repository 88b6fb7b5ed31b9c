package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainFailure;
import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.audit.checkpoint.Checkpoint;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.export.NdjsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offline check of a query export (header {@value NdjsonLines#QUERY_HEADER}). A query exports a
 * subset of the chains, so a hash chain can prove less than for a whole range, and this says
 * exactly how much:
 * <ul>
 * <li>each record's own integrity: its hash recomputes from its content and stated prevHash;</li>
 * <li>each link between consecutive exported records of one chain (sequence s and s+1);</li>
 * <li>each checkpoint's Ed25519 signature (by the key its keyId names), and for a checkpoint that
 *     falls on an exported record, that it signs that record's hash — which anchors every record
 *     of the consecutive run up to it (their content is fixed by the signed hash);</li>
 * <li>the trailer's record count (a cut download or a removed line, unless the trailer was
 *     edited too).</li>
 * </ul>
 * Not provable offline: that nothing is missing or changed between non-consecutive records (a
 * gap), that an isolated record re-hashed by someone with store access is the stored one, and
 * that the export holds every record the query matches. For each gap, the first record of each
 * chain and an unanchored tail it names the online check ({@code /verification?from=&to=}, whose
 * answer carries {@code anchorHash} and {@code headHash}) that closes it. Plain Java.
 */
public final class QueryExportCheck {

    /** Something in the file that does not hold: the export was altered (exit 1). */
    public record Finding(int line, String chain, Long sequence, String kind, String detail) {
    }

    /**
     * A check to run online: {@code GET /api/v1/audit/chains/{chain}/verification?from=&to=} must
     * answer {@code ok} with these hashes (null = any).
     */
    public record OnlineCheck(String chain, long from, Long to, String anchorHash, String headHash, String why) {
        public String request() {
            return "GET /api/v1/audit/chains/" + chain + "/verification?from=" + from + (to == null ? "" : "&to=" + to);
        }
    }

    /** What the file proved and what it left to the online checks. */
    public record Result(Map<String, Object> query, long records, int chains, long selfConsistent, long links,
            int checkpoints, int checkpointsOnRecords, long anchored, int gaps, List<OnlineCheck> online,
            List<Finding> findings, boolean macsChecked, long macsValid, long withoutMac) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private record Entry(int line, long sequence, String prevHash, String hash, boolean selfConsistent) {
    }

    private final VerificationKeys keys;
    private final RecordMac macs;
    private long macsValid;
    private long withoutMac;
    private final Map<String, TreeMap<Long, Entry>> chains = new LinkedHashMap<>();
    private final Map<String, List<Checkpoint>> signed = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private int checkpoints;
    private long records;
    private Long trailerRecords;

    private QueryExportCheck(VerificationKeys keys, RecordMac macs) {
        this.keys = keys;
        this.macs = macs;
    }

    /**
     * Reads the lines after the header.
     *
     * @throws IllegalArgumentException when a line is not JSON or not a record/checkpoint (unreadable file)
     */
    public static Result check(Map<String, Object> header, BufferedReader lines, VerificationKeys keys)
            throws IOException {
        return check(header, lines, keys, null);
    }

    /** As {@link #check(Map, BufferedReader, VerificationKeys)}, checking each record's MAC when {@code macs} is given. */
    public static Result check(Map<String, Object> header, BufferedReader lines, VerificationKeys keys, RecordMac macs)
            throws IOException {
        QueryExportCheck check = new QueryExportCheck(keys, macs);
        String line;
        int lineNo = 1;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (!line.isBlank()) {
                check.accept(lineNo, line);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> query = header.get("query") instanceof Map<?, ?> q ? (Map<String, Object>) q : Map.of();
        return check.finish(query);
    }

    private void accept(int lineNo, String line) {
        Map<String, Object> m;
        try {
            m = JsonText.parseObject(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNo + " is not JSON: " + e.getMessage());
        }
        Object type = m.get(NdjsonLines.TYPE);
        if (trailerRecords != null) {
            findings.add(new Finding(lineNo, null, null, "AFTER_TRAILER", "a line after the trailer"));
            return;
        }
        if (NdjsonLines.RECORD.equals(type)) {
            AuditRecord r;
            try {
                r = AuditRecord.fromJson(m);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNo + " is not a record: " + e.getMessage());
            }
            records++;
            String computed = r.computedHash();
            boolean consistent = computed.equals(r.hash());
            if (!consistent) {
                findings.add(new Finding(lineNo, r.chain(), r.sequence(), ChainFailure.Kind.CONTENT_CHANGED.name(),
                        "content and prevHash give " + computed + ", the line states " + r.hash()));
            }
            checkMac(lineNo, r);
            Entry before = chains.computeIfAbsent(r.chain(), c -> new TreeMap<>())
                    .putIfAbsent(r.sequence(), new Entry(lineNo, r.sequence(), r.prevHash(), r.hash(), consistent));
            if (before != null) {
                findings.add(new Finding(lineNo, r.chain(), r.sequence(), "DUPLICATE",
                        "sequence " + r.sequence() + " already on line " + before.line()));
            }
        } else if (NdjsonLines.CHECKPOINT.equals(type)) {
            Checkpoint c;
            try {
                c = Checkpoint.fromJson(m);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNo + " is not a checkpoint: " + e.getMessage());
            }
            checkpoints++;
            if (keys.valid(c)) {
                signed.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c);
            } else {
                findings.add(new Finding(lineNo, c.chain(), c.sequence(), "SIGNATURE_INVALID",
                        keys.knows(c.keyId()) ? "not signed by its key " + c.keyId()
                                : "names key " + c.keyId() + ", not one given (" + keys.ids() + ")"));
            }
        } else if (NdjsonLines.END.equals(type)) {
            trailerRecords = m.get("records") instanceof Number n ? n.longValue() : -1L;
            if (trailerRecords != records) {
                findings.add(new Finding(lineNo, null, null, "COUNT_MISMATCH",
                        "the trailer counts " + trailerRecords + " records, the file holds " + records
                                + ": record lines were removed or added"));
            }
        } else {
            throw new IllegalArgumentException("line " + lineNo + " has an unknown @type " + type);
        }
    }

    /** A record's MAC, when the record keys were given; a record without one is counted, not passed silently. */
    private void checkMac(int lineNo, AuditRecord r) {
        RecordMac.Outcome outcome = macs == null ? null : macs.check(r);
        if (r.mac() == null && r.macKeyId() == null) {
            withoutMac++;
        } else if (outcome == RecordMac.Outcome.VALID) {
            macsValid++;
        } else if (outcome == RecordMac.Outcome.UNKNOWN_KEY) {
            findings.add(new Finding(lineNo, r.chain(), r.sequence(), ChainFailure.Kind.MAC_UNKNOWN_KEY.name(),
                    "record MAC names key " + r.macKeyId() + ", not one given (" + macs.keyIds() + ")"));
        } else if (outcome != null) {
            findings.add(new Finding(lineNo, r.chain(), r.sequence(), ChainFailure.Kind.MAC_INVALID.name(),
                    "record MAC does not match the record: altered, moved or made without the record key"));
        }
    }

    private Result finish(Map<String, Object> query) {
        if (trailerRecords == null) {
            findings.add(new Finding(0, null, null, "NO_TRAILER",
                    "the file ends without its " + NdjsonLines.END + " line: the download was cut or its end removed"));
        }
        long selfConsistent = 0;
        long links = 0;
        long anchored = 0;
        int onRecords = 0;
        int gaps = 0;
        List<OnlineCheck> online = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, Entry>> chainEntries : chains.entrySet()) {
            String chain = chainEntries.getKey();
            TreeMap<Long, Entry> entries = chainEntries.getValue();
            selfConsistent += entries.values().stream().filter(Entry::selfConsistent).count();
            // checkpoints that fall on exported records sign them
            TreeMap<Long, Boolean> anchors = new TreeMap<>();
            for (Checkpoint c : signed.getOrDefault(chain, List.of())) {
                Entry e = entries.get(c.sequence());
                if (e == null) {
                    continue;
                }
                if (e.hash().equals(c.hash()) && e.selfConsistent()) {
                    anchors.put(c.sequence(), true);
                    onRecords++;
                } else {
                    findings.add(new Finding(e.line(), chain, e.sequence(), ChainFailure.Kind.CHECKPOINT_MISMATCH.name(),
                            "the signed checkpoint says " + c.hash() + ", the record states " + e.hash()));
                }
            }
            Entry first = entries.firstEntry().getValue();
            // runs of consecutive, linked records; each run is anchored up to its last checkpoint
            List<Entry> run = new ArrayList<>();
            Entry previous = null;
            boolean firstRunAnchored = false;
            boolean lastRunAnchoredToEnd = false;
            for (Entry e : entries.values()) {
                boolean continues = previous != null && e.sequence() == previous.sequence() + 1;
                if (continues && !e.prevHash().equals(previous.hash())) {
                    findings.add(new Finding(e.line(), chain, e.sequence(), ChainFailure.Kind.LINK_BROKEN.name(),
                            "prevHash " + e.prevHash() + " is not the hash of sequence " + previous.sequence()
                                    + " (line " + previous.line() + "): one of the two was changed"));
                    continues = false;
                } else if (continues) {
                    links++;
                }
                if (!continues && previous != null) {
                    long covered = anchoredIn(run, anchors);
                    anchored += covered;
                    firstRunAnchored |= run.get(0) == first && covered > 0;
                    if (e.sequence() > previous.sequence() + 1) {
                        gaps++;
                        online.add(new OnlineCheck(chain, previous.sequence() + 1, e.sequence(), previous.hash(), e.hash(),
                                "gap: sequences " + (previous.sequence() + 1) + ".." + (e.sequence() - 1)
                                        + " are not in this export"));
                    }
                    run = new ArrayList<>();
                }
                run.add(e);
                previous = e;
            }
            long covered = anchoredIn(run, anchors);
            anchored += covered;
            firstRunAnchored |= run.get(0) == first && covered > 0;
            lastRunAnchoredToEnd = !anchors.isEmpty() && anchors.lastKey() == previous.sequence();
            if (!firstRunAnchored && first.sequence() > 1) {
                online.add(0, new OnlineCheck(chain, first.sequence(), first.sequence(), first.prevHash(), first.hash(),
                        "first exported record: its prevHash is taken on trust"));
            }
            if (!lastRunAnchoredToEnd) {
                online.add(new OnlineCheck(chain, previous.sequence() + 1, null, previous.hash(), null,
                        "records up to sequence " + previous.sequence()
                                + " are not all anchored to a signed checkpoint in this export; this ties them to the"
                                + " checkpoints signed after them"));
            }
        }
        return new Result(query, records, chains.size(), selfConsistent, links, checkpoints, onRecords, anchored, gaps,
                List.copyOf(online), List.copyOf(findings), macs != null, macsValid, withoutMac);
    }

    /** Records of a run at or before its last matching checkpoint. */
    private static long anchoredIn(List<Entry> run, TreeMap<Long, Boolean> anchors) {
        if (run.isEmpty()) {
            return 0;
        }
        Long last = anchors.floorKey(run.get(run.size() - 1).sequence());
        if (last == null || last < run.get(0).sequence()) {
            return 0;
        }
        return last - run.get(0).sequence() + 1;
    }

    /** Prints what was proved, what was found, and what is left to check online. */
    public static void print(Result r, PrintStream out) {
        out.printf("QUERY EXPORT query=%s: %d records of %d chains, %d checkpoints%n", r.query(), r.records(), r.chains(),
                r.checkpoints());
        out.printf("%s %d records self-consistent (hash recomputed from content and stated prevHash)%n",
                r.selfConsistent() == r.records() ? "OK" : "!!", r.selfConsistent());
        if (r.macsChecked()) {
            out.printf("%s %d record MACs valid (record key given)%n",
                    r.macsValid() + r.withoutMac() == r.records() ? "OK" : "!!", r.macsValid());
        } else {
            out.println("NOTE record MACs not checked: no record key given (--record-key <file>)");
        }
        if (r.withoutMac() > 0) {
            out.printf("UNAUTHENTICATED %d records carry no record MAC (written before record MACs, or stripped):"
                    + " proven by the hash chain and signed checkpoints only%n", r.withoutMac());
        }
        out.printf("OK %d links verified (consecutive exported records of one chain)%n", r.links());
        out.printf("OK %d checkpoints signed by a given key, %d of them on exported records; %d records anchored to a"
                + " signed checkpoint%n", r.checkpoints() - (int) r.findings().stream()
                        .filter(f -> f.kind().equals("SIGNATURE_INVALID")).count(), r.checkpointsOnRecords(), r.anchored());
        for (Finding f : r.findings()) {
            out.printf("TAMPERED %s%s%s: %s%n", f.line() > 0 ? "line " + f.line() + " " : "",
                    f.chain() == null ? "" : "chain=" + f.chain() + " sequence=" + f.sequence() + " ",
                    "kind=" + f.kind(), f.detail());
        }
        out.printf("%d gaps: records between non-consecutive exported records are not in this export.%n", r.gaps());
        if (!r.online().isEmpty()) {
            out.println("NOT PROVEN OFFLINE — verify online; each answer must be ok with the hashes shown:");
            for (OnlineCheck c : r.online()) {
                out.printf("  chain %s sequences %d..%s (%s): %s -> anchorHash=%s%s%n", c.chain(), c.from(),
                        c.to() == null ? "head" : c.to(), c.why(), c.request(), c.anchorHash(),
                        c.headHash() == null ? "" : " headHash=" + c.headHash());
            }
        }
        out.println("NOT PROVEN: that the export holds every record the query matches (the service chose them);"
                + " re-run the query online to compare.");
        out.println(r.intact() ? "RESULT OK (offline part; see the online checks above)" : "RESULT TAMPERED");
    }
}
