package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.chain.RecordMac;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * A timeline confirmed against the chain (issue 14 item 3): the subjects index is a projection any
 * holder of the database credential could edit, so it is never believed alone. The entries are the
 * subject's records found in the trail itself (the scan by {@code subject}); each is checked — its
 * hash recomputes and its record MAC is valid — and the index is compared with them: an id the
 * index lists whose record is gone, a record of the subject the index does not list, and a record
 * the index lists that no longer names this subject are each reported, never silently dropped.
 */
final class TimelineIntegrity {

    /** Per-entry outcome, shown as the entry's {@code integrity}. */
    static final String VERIFIED = "verified";
    static final String NO_MAC = "no-mac";

    private TimelineIntegrity() {
    }

    /** The checked entries and what the check found. */
    record Confirmed(List<Document> entries, Map<String, String> entryIntegrity, Map<String, Boolean> indexed,
            Report report) {
        boolean nothingToShow() {
            return entries.isEmpty() && report.missingRecords().isEmpty() && report.notThisSubject().isEmpty();
        }
    }

    /** The answer's {@code integrity}: what was checked and every finding. */
    @JsonPropertyOrder({"verified", "checked", "indexCompared", "entriesVerified", "entriesWithoutMac", "failedEntries",
        "missingRecords", "notInIndex", "notThisSubject"})
    record Report(boolean verified, String checked, boolean indexCompared, long entriesVerified, long entriesWithoutMac,
            List<Finding> failedEntries, List<String> missingRecords, List<Finding> notInIndex,
            List<Finding> notThisSubject) {
    }

    /**
     * One record found wrong, where it sits and what is wrong. {@code sequence} as the stored document
     * holds it (a tampered document may hold anything there).
     */
    @JsonPropertyOrder({"eventId", "chain", "sequence", "problem"})
    record Finding(String eventId, String chain, Object sequence, String problem) {
    }

    /**
     * @param scanned    the subject's records in the caller's scope, found by the subject field
     * @param listed     the event ids the subjects index lists, or {@code null} when the index is not
     *                   built yet (it is then not compared)
     * @param byIndex    every record the listed ids lead to (any subject, type or region)
     * @param inScope    whether a record is one the caller may see and asked for (region, type)
     */
    static Confirmed confirm(String subject, List<Document> scanned, List<String> listed, List<Document> byIndex,
            java.util.function.Predicate<Document> inScope, RecordMac macs) {
        Map<String, String> integrity = new LinkedHashMap<>();
        Map<String, Boolean> indexed = new LinkedHashMap<>();
        List<Finding> failures = new ArrayList<>();
        long verified = 0;
        long withoutMac = 0;
        Set<String> listedIds = listed == null ? Set.of() : new HashSet<>(listed);
        for (Document d : scanned) {
            String outcome = check(d, macs);
            integrity.put(d.getString("eventId"), outcome);
            if (outcome.equals(VERIFIED)) {
                verified++;
            } else if (outcome.equals(NO_MAC)) {
                withoutMac++;
            } else {
                failures.add(where(d, outcome));
            }
            if (listed != null) {
                indexed.put(d.getString("eventId"), listedIds.contains(d.getString("eventId")));
            }
        }
        List<Finding> notInIndex = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Finding> notThisSubject = new ArrayList<>();
        if (listed != null) {
            scanned.stream().filter(d -> !listedIds.contains(d.getString("eventId")))
                    .forEach(d -> notInIndex.add(where(d, "a record of this subject in the chain that the subjects "
                            + "index does not list")));
            Set<String> found = new HashSet<>();
            for (Document d : byIndex) {
                found.add(d.getString("eventId"));
                if (!subject.equals(d.getString("subject")) && inScope.test(d)) {
                    String outcome = check(d, macs);
                    notThisSubject.add(where(d, "listed for this subject, the record names subject "
                            + d.getString("subject") + " (record " + outcome + ")"));
                }
            }
            new LinkedHashSet<>(listed).stream().filter(id -> !found.contains(id)).forEach(missing::add);
        }
        boolean ok = failures.isEmpty() && notInIndex.isEmpty() && missing.isEmpty() && notThisSubject.isEmpty();
        Report report = new Report(ok && withoutMac == 0 && listed != null,
                "each entry's hash and record MAC; the subjects index against the records of the subject"
                        + (listed == null ? " (index not built yet: not compared)" : ""),
                listed != null, verified, withoutMac, failures, missing, notInIndex, notThisSubject);
        return new Confirmed(scanned, integrity, indexed, report);
    }

    /**
     * An organization's timeline confirmed the same way: the entries are the records the organization
     * index lists that name one of the organizations ({@link OrganizationKeys}) and are in scope,
     * plus the records of the organizations' own subjects (those that name the organization but
     * are not listed are reported as {@code notInIndex}; those naming none, such as the trail's read
     * records, are simply entries); a listed record that names none of them is reported as
     * {@code notThisSubject}, a listed id whose record is gone as {@code missingRecords}.
     *
     * @param scanned the records whose subject is one of the organization ids, in the caller's scope
     * @param listed  the event ids the organization index lists
     * @param byIndex every record the listed ids lead to
     */
    static Confirmed confirmOrganization(Set<String> organizationIds, List<Document> scanned, List<String> listed,
            List<Document> byIndex, java.util.function.Predicate<Document> inScope, RecordMac macs) {
        Set<String> listedIds = new HashSet<>(listed);
        Map<String, Document> entries = new LinkedHashMap<>();
        List<Finding> notThisSubject = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Document d : byIndex) {
            found.add(d.getString("eventId"));
            if (!inScope.test(d)) {
                continue;
            }
            if (namesOneOf(d, organizationIds)) {
                entries.putIfAbsent(d.getString("eventId"), d);
            } else {
                notThisSubject.add(where(d, "listed for this organization, the record names none of "
                        + organizationIds + " (record " + check(d, macs) + ")"));
            }
        }
        List<Finding> notInIndex = new ArrayList<>();
        for (Document d : scanned) {
            // a record of the organization's own subject that names no organization (the trail's read
            // records, a refusal) is an entry, but the organization index never lists it
            if (!listedIds.contains(d.getString("eventId")) && namesOneOf(d, organizationIds)) {
                notInIndex.add(where(d, "a record of this organization in the chain that the organization index does not list"));
            }
            entries.putIfAbsent(d.getString("eventId"), d);
        }
        Map<String, String> integrity = new LinkedHashMap<>();
        Map<String, Boolean> indexed = new LinkedHashMap<>();
        List<Finding> failures = new ArrayList<>();
        long verified = 0;
        long withoutMac = 0;
        for (Document d : entries.values()) {
            String outcome = check(d, macs);
            integrity.put(d.getString("eventId"), outcome);
            indexed.put(d.getString("eventId"), listedIds.contains(d.getString("eventId")));
            if (outcome.equals(VERIFIED)) {
                verified++;
            } else if (outcome.equals(NO_MAC)) {
                withoutMac++;
            } else {
                failures.add(where(d, outcome));
            }
        }
        List<String> missing = new LinkedHashSet<>(listed).stream().filter(id -> !found.contains(id)).toList();
        boolean ok = failures.isEmpty() && notInIndex.isEmpty() && missing.isEmpty() && notThisSubject.isEmpty();
        Report report = new Report(ok && withoutMac == 0,
                "each entry's hash and record MAC; that each record the organization index lists names the organization;"
                        + " the index against the records of the organization's own subject",
                true, verified, withoutMac, failures, missing, notInIndex, notThisSubject);
        return new Confirmed(new ArrayList<>(entries.values()), integrity, indexed, report);
    }

    /** Whether the record's data names one of these organizations (an unreadable record names none). */
    static boolean namesOneOf(Document d, Set<String> organizationIds) {
        try {
            Set<String> named = OrganizationKeys.organizationIds(cn.minzheng.audit.chain.JsonText.parse(d.getString("data")));
            return named.stream().anyMatch(organizationIds::contains);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** {@value #VERIFIED}, {@value #NO_MAC}, or what is wrong with the record. */
    static String check(Document d, RecordMac macs) {
        AuditRecord r;
        try {
            r = RecordDocuments.fromDocument(d);
        } catch (RuntimeException unreadable) {
            return "unreadable: " + unreadable.getMessage();
        }
        if (r.hash() == null || !r.computedHash().equals(r.hash())) {
            return "hash-mismatch";
        }
        return switch (macs.check(r)) {
            case VALID -> VERIFIED;
            case NO_MAC -> NO_MAC;
            case UNKNOWN_KEY -> "mac-unknown-key";
            case WRONG -> "mac-invalid";
        };
    }

    private static Finding where(Document d, String problem) {
        return new Finding(d.getString("eventId"), d.getString("chain"), d.get("sequence"), problem);
    }
}
