package cn.minzheng.audit.chain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The last link of a chain: its sequence (0 for an empty chain) and hash. Chains are append-only;
 * {@link #extend} is the only way a record gets its place.
 */
public record ChainHead(String chain, long sequence, String hash) {

    public ChainHead {
        if (chain == null || chain.isBlank()) {
            throw new IllegalArgumentException("a chain needs an id");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence is not negative");
        }
        if (hash == null || hash.length() != 64) {
            throw new IllegalArgumentException("hash is 64 hex digits");
        }
    }

    /** One chain per topic partition: {@code <topic>-<partition>}. */
    public static String chainId(String topic, int partition) {
        return topic + "-" + partition;
    }

    public static ChainHead empty(String chain) {
        return new ChainHead(chain, 0, ChainDigest.GENESIS);
    }

    /** The head after this record, which must be the next link. */
    public ChainHead advancedTo(AuditRecord record) {
        if (!record.chain().equals(chain) || record.sequence() != sequence + 1 || !record.prevHash().equals(hash)) {
            throw new IllegalArgumentException("record " + record.chain() + "#" + record.sequence()
                    + " does not follow " + chain + "#" + sequence);
        }
        return new ChainHead(chain, record.sequence(), record.hash());
    }

    /** Chains the events, in the order given, after this head; each record MAC'd by the current key. */
    public Extension extend(List<IncomingEvent> events, Instant receivedAt, RecordMac macs) {
        Extension hashed = extend(events, receivedAt);
        return new Extension(hashed.records().stream().map(macs::sign).toList(), hashed.head());
    }

    /** Chains the events without MACs: the records as written before record MACs (tests of such trails). */
    Extension extend(List<IncomingEvent> events, Instant receivedAt) {
        String received = receivedAt.truncatedTo(ChronoUnit.MILLIS).toString();
        List<AuditRecord> records = new ArrayList<>(events.size());
        long seq = sequence;
        String prev = hash;
        for (IncomingEvent e : events) {
            if (!e.chain().equals(chain)) {
                throw new IllegalArgumentException("event of chain " + e.chain() + " offered to " + chain);
            }
            seq++;
            AuditRecord unhashed = new AuditRecord(chain, seq, prev, e.eventId(), e.topic(), e.partition(),
                    e.offset(), e.type(), e.subject(), e.actorId(), e.actorRole(), e.regionCode(), e.time(),
                    e.traceId(), e.data(), received, null);
            String h = unhashed.computedHash();
            records.add(withHash(unhashed, h));
            prev = h;
        }
        return new Extension(List.copyOf(records), new ChainHead(chain, seq, prev));
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(r.chain(), r.sequence(), r.prevHash(), r.eventId(), r.topic(), r.partition(),
                r.offset(), r.type(), r.subject(), r.actorId(), r.actorRole(), r.regionCode(), r.time(),
                r.traceId(), r.data(), r.receivedAt(), hash);
    }

    /** New records and the head after them. */
    public record Extension(List<AuditRecord> records, ChainHead head) {
    }
}
