package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.security.AccessScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Applications and organizations in MongoDB, each change with its events in the same document write. */
public class RegistrationStore {
    public static final String APPLICATIONS = "applications";
    public static final String ORGANIZATIONS = "organizations";
    private final AggregateDocuments documents;

    public RegistrationStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    public Mono<RegistrationApplication> insert(RegistrationApplication a, List<EventEnvelope> events) {
        return documents.insert(APPLICATIONS, a, events, Map.of());
    }

    public Mono<Boolean> update(RegistrationApplication a, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(APPLICATIONS, a, expectedVersion, events, Map.of());
    }

    public Mono<RegistrationApplication> application(String id) {
        return documents.mongo().findById(id, Document.class, APPLICATIONS).map(d -> documents.fromDocument(RegistrationApplication.class, d));
    }

    /** Applications in scope, newest first, after {@code cursor} (an application id), at most {@code size}. */
    public Flux<RegistrationApplication> applications(AccessScope scope, ApplicationStatus status, LocalDate overdueOn,
                                                      String cursor, int size) {
        Criteria c = scopeCriteria(scope, "authorityCode", "applicantSubject");
        if (status != null) {
            c = c.and("status").is(status.name());
        }
        if (overdueOn != null) {
            c = c.and("status").is(ApplicationStatus.ACCEPTED.name()).and("dueDates.promised").lt(overdueOn);
        }
        if (cursor != null) {
            c = c.and("_id").lt(cursor);
        }
        Query q = new Query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(size);
        return documents.mongo().find(q, Document.class, APPLICATIONS).map(d -> documents.fromDocument(RegistrationApplication.class, d));
    }

    /** Decided applications of an authority within [from, to], for the on-time rate. */
    public Flux<RegistrationApplication> decided(String authorityPrefix, LocalDate from, LocalDate to) {
        Query q = new Query(Criteria.where("authorityCode").regex("^" + Pattern.quote(authorityPrefix))
                .and("status").in(ApplicationStatus.APPROVED.name(), ApplicationStatus.REFUSED.name())
                .and("decidedOn").gte(from).lte(to));
        return documents.mongo().find(q, Document.class, APPLICATIONS).map(d -> documents.fromDocument(RegistrationApplication.class, d));
    }

    public Mono<Organization> insert(Organization o, String agentSubject, List<EventEnvelope> events, List<Announcement> announcements) {
        return documents.insert(ORGANIZATIONS, o, events, Map.of("agentSubject", agentSubject, "fullName", o.name().fullName(),
                "announcements", announcements.stream().map(RegistrationStore::announcementDocument).toList()));
    }

    public Mono<Boolean> update(Organization o, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(ORGANIZATIONS, o, expectedVersion, events, Map.of("fullName", o.name().fullName()));
    }

    /** Many conditional organization changes in one round trip (each with its events); emits how many applied. */
    public Mono<Long> updateAll(List<AggregateDocuments.VersionedWrite> writes) {
        return documents.updateAll(ORGANIZATIONS, writes);
    }

    /** Publishes the pending events of these organizations (after a bulk update). */
    public Mono<Void> publish(List<String> ids) {
        return documents.publish(ORGANIZATIONS, ids, 8);
    }

    /** A change and a new announcement (公告) in the same write. */
    public Mono<Boolean> update(Organization o, long expectedVersion, List<EventEnvelope> events, Announcement announcement) {
        return documents.update(ORGANIZATIONS, o, expectedVersion, events, Map.of("fullName", o.name().fullName()))
                .flatMap(ok -> !ok ? Mono.just(false) : documents.mongo().updateFirst(
                        new Query(Criteria.where("_id").is(o.id())),
                        new org.springframework.data.mongodb.core.query.Update().push("announcements", announcementDocument(announcement)),
                        ORGANIZATIONS).thenReturn(true));
    }

    public Mono<StoredOrganization> organization(String id) {
        return documents.mongo().findById(id, Document.class, ORGANIZATIONS).map(this::stored);
    }

    public Mono<StoredOrganization> byCreditCode(String creditCode) {
        return documents.mongo().findOne(new Query(Criteria.where("creditCode").is(creditCode)), Document.class, ORGANIZATIONS)
                .map(this::stored);
    }

    /** Public lookup by (part of) the name, bounded. */
    public Flux<StoredOrganization> byName(String text, int size) {
        Query q = new Query(Criteria.where("fullName").regex(Pattern.quote(text)).and("creditCode").ne(null))
                .with(Sort.by("fullName")).limit(size);
        return documents.mongo().find(q, Document.class, ORGANIZATIONS).map(this::stored);
    }

    /** Announcements newer than {@code since}, bounded. */
    public Flux<Announcement> announcements(LocalDate since, int size) {
        Query q = new Query(Criteria.where("announcements.on").gte(since.toString())).limit(size * 2);
        return documents.mongo().find(q, Document.class, ORGANIZATIONS)
                .flatMapIterable(d -> d.getList("announcements", Document.class))
                .map(RegistrationStore::announcement)
                .filter(a -> !a.on().isBefore(since))
                .sort((x, y) -> y.on().compareTo(x.on()))
                .take(size);
    }

    /** Whether this person is the legal representative of a registered 社会团体 other than {@code exceptOrganization}. */
    /**
     * Whether a registered 社会团体 other than {@code exceptOrganization} has this legal representative
     * ([SG]§12). The number is compared in its normal form (upper-case X); a record stored before
     * numbers were normalised may hold a lower-case x, so both spellings match.
     */
    public Mono<Boolean> representsSocialGroup(String idNumber, String exceptOrganization) {
        String normal = idNumber.strip().toUpperCase(Locale.ROOT);
        Criteria c = Criteria.where("type").is(OrganizationType.SOCIAL_GROUP.name())
                .and("status").is(OrganizationStatus.REGISTERED.name())
                .and("legalRepresentative.idNumber").in(normal, normal.toLowerCase(Locale.ROOT));
        if (exceptOrganization != null) {
            c = c.and("_id").ne(exceptOrganization);
        }
        return documents.mongo().exists(new Query(c), ORGANIZATIONS);
    }

    /** These organizations, by id ({@code _id $in}: one indexed query for a sweep batch). */
    public Mono<Map<String, StoredOrganization>> organizations(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return documents.mongo().find(new Query(Criteria.where("_id").in(ids)), Document.class, ORGANIZATIONS).map(this::stored)
                .collectMap(s -> s.organization().id());
    }

    /** Registered (active) organizations holding exactly this full name, in any authority (a 取缔 case may not target one). */
    public Flux<Organization> registeredNamed(String fullName) {
        Query q = new Query(Criteria.where("fullName").is(fullName).and("status").is(OrganizationStatus.REGISTERED.name())).limit(5);
        return documents.mongo().find(q, Document.class, ORGANIZATIONS).map(d -> documents.fromDocument(Organization.class, d));
    }

    /** Registered organizations of one authority, for sweeps. */
    public Flux<Organization> registered(String authorityCode) {
        Query q = new Query(Criteria.where("authorityCode").is(authorityCode).and("status").is(OrganizationStatus.REGISTERED.name()))
                .with(Sort.by("_id"));
        return documents.mongo().find(q, Document.class, ORGANIZATIONS).map(d -> documents.fromDocument(Organization.class, d));
    }

    private StoredOrganization stored(Document d) {
        return new StoredOrganization(documents.fromDocument(Organization.class, d), d.getString("agentSubject"));
    }

    public static Criteria scopeCriteria(AccessScope scope, String regionField, String ownerField) {
        if (scope instanceof AccessScope.All) {
            return new Criteria();
        }
        if (scope instanceof AccessScope.RegionPrefix p) {
            return Criteria.where(regionField).regex("^" + Pattern.quote(p.prefix()));
        }
        if (scope instanceof AccessScope.OwnedBy o) {
            return Criteria.where(ownerField).is(o.subject());
        }
        return Criteria.where("_id").exists(false);
    }

    static Document announcementDocument(Announcement a) {
        return new Document("organizationId", a.organizationId()).append("organizationName", a.organizationName())
                .append("creditCode", a.creditCode()).append("matter", a.matter()).append("text", a.text())
                .append("on", a.on().toString());
    }

    static Announcement announcement(Document d) {
        return new Announcement(d.getString("organizationId"), d.getString("organizationName"), d.getString("creditCode"),
                d.getString("matter"), d.getString("text"), LocalDate.parse(d.getString("on")));
    }

    /** An organization with the subject of the representative (ORG_AGENT) who registered it. */
    public record StoredOrganization(Organization organization, String agentSubject) {
    }
}
