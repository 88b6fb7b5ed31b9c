package cn.minzheng.org.registration;

import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.RuleViolation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registered social organization: its registration items, its 统一社会信用代码 and its standing.
 * Immutable; each change returns the next state and the event for {@code org.events}. Events that
 * other services build read models from carry organizationId, name, type, creditCode, regionCode and
 * status (see {@link #standingFields()}).
 *
 * @param authorityCode     region code of the registration authority
 * @param abnormalListed    on the 活动异常名录
 * @param seriousListed     on the 严重违法失信名单
 * @param restrictedUntilRectified 不合格 in the last annual inspection: no change of name or scope meanwhile
 */
public record Organization(String id,
                           String creditCode,
                           String authorityCode,
                           OrganizationType type,
                           OrganizationName name,
                           String residence,
                           String purpose,
                           String businessScope,
                           String activityArea,
                           Person legalRepresentative,
                           long fundsFen,
                           String sponsorUnit,
                           Members members,
                           List<Person> officers,
                           OrganizationStatus status,
                           LocalDate registeredOn,
                           LocalDate endedOn,
                           boolean abnormalListed,
                           boolean seriousListed,
                           boolean restrictedUntilRectified,
                           long version) {

    public Organization {
        officers = officers == null ? List.of() : List.copyOf(officers);
    }

    public static Transitioned<Organization, DomainEvent> register(String id, String creditCode, String authorityCode,
                                                      Particulars p, LocalDate on) {
        Organization o = new Organization(id, creditCode, authorityCode, p.type(), p.name(), p.residence(), p.purpose(),
                p.businessScope(), p.activityArea(), p.legalRepresentative(), p.fundsFen(), p.sponsorUnit(), p.members(),
                p.officers(), OrganizationStatus.REGISTERED, on, null, false, false, false, 1);
        return new Transitioned<>(o, o.event("registration-approved", null, null, Map.of("registeredOn", on.toString())));
    }

    /** Applies an approved 变更登记; a rename while 不合格 is refused. */
    public Transitioned<Organization, DomainEvent> change(ChangeRequest c, LocalDate on) {
        requireActive("change");
        if (restrictedUntilRectified && (c.name() != null || c.businessScope() != null)) {
            throw new RuleViolation("CHANGE_RESTRICTED", List.of(new FieldProblem(c.name() != null ? "/name" : "/businessScope",
                    "CHANGE_RESTRICTED_UNQUALIFIED", "年检不合格整改期间不得变更名称和业务范围")));
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (c.name() != null) {
            changes.put("name", c.name().fullName());
        }
        if (c.residence() != null) {
            changes.put("residence", c.residence());
        }
        if (c.legalRepresentative() != null) {
            changes.put("legalRepresentative", c.legalRepresentative().name());
        }
        if (c.businessScope() != null) {
            changes.put("businessScope", c.businessScope());
        }
        if (c.fundsFen() != null) {
            changes.put("fundsFen", c.fundsFen());
        }
        Organization n = new Organization(id, creditCode, authorityCode, type, c.name() != null ? c.name() : name,
                c.residence() != null ? c.residence() : residence, purpose,
                c.businessScope() != null ? c.businessScope() : businessScope, activityArea,
                c.legalRepresentative() != null ? c.legalRepresentative() : legalRepresentative,
                c.fundsFen() != null ? c.fundsFen() : fundsFen, sponsorUnit, members, officers, status, registeredOn,
                endedOn, abnormalListed, seriousListed, restrictedUntilRectified, version + 1);
        return new Transitioned<>(n, n.event("change-approved", status, null, changes));
    }

    /** 注销登记 approved. */
    public Transitioned<Organization, DomainEvent> deregister(String reason, LocalDate on) {
        requireActive("deregister");
        Organization n = withStatus(OrganizationStatus.DEREGISTERED, on);
        return new Transitioned<>(n, n.event("deregistered", status, reason, Map.of("endedOn", on.toString())));
    }

    /** 撤销登记, only as the outcome of an enforcement decision. */
    public Transitioned<Organization, DomainEvent> revoke(String decisionReference, String reason, LocalDate on) {
        requireActive("revoke");
        if (decisionReference == null || decisionReference.isBlank()) {
            throw new InvalidFields("REVOCATION_NEEDS_DECISION", List.of(new FieldProblem("/decisionReference", "REQUIRED",
                    "撤销登记须依据行政处罚决定")));
        }
        Organization n = withStatus(OrganizationStatus.REVOKED, on);
        return new Transitioned<>(n, n.event("revoked", status, reason, Map.of("endedOn", on.toString(), "decisionReference", decisionReference)));
    }

    public Transitioned<Organization, DomainEvent> listing(boolean abnormal, boolean serious, String eventName, String reason) {
        Organization n = new Organization(id, creditCode, authorityCode, type, name, residence, purpose, businessScope,
                activityArea, legalRepresentative, fundsFen, sponsorUnit, members, officers, status, registeredOn, endedOn,
                abnormal, serious, restrictedUntilRectified, version + 1);
        return new Transitioned<>(n, n.event(eventName, status, reason, Map.of("abnormalListed", abnormal, "seriousListed", serious)));
    }

    /**
     * 年检不合格 restricts changes of name and business scope (local practice) until a better grading
     * lifts it: {@code change-restricted} / {@code change-restriction-lifted}.
     */
    public Transitioned<Organization, DomainEvent> restricted(boolean restricted, String reason) {
        Organization n = new Organization(id, creditCode, authorityCode, type, name, residence, purpose, businessScope,
                activityArea, legalRepresentative, fundsFen, sponsorUnit, members, officers, status, registeredOn, endedOn,
                abnormalListed, seriousListed, restricted, version + 1);
        Map<String, Object> changes = Map.of("restrictedUntilRectified", restricted);
        DomainEvent e = n.event(restricted ? "change-restricted" : "change-restriction-lifted", status, reason, changes);
        Map<String, Object> attributes = new LinkedHashMap<>(e.attributes());
        attributes.put("restrictedUntilRectified", restricted);
        return new Transitioned<>(n, new DomainEvent(e.name(), e.fromStatus(), e.toStatus(), e.reason(), e.changes(), attributes));
    }

    /** In good standing: registered and on neither credit list. */
    public boolean goodStanding() {
        return status.active() && !abnormalListed && !seriousListed;
    }

    /** The fields every organization event carries, for read models in other services. */
    public Map<String, Object> standingFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", id);
        m.put("name", name.fullName());
        m.put("type", type.name());
        m.put("creditCode", creditCode);
        m.put("regionCode", authorityCode);
        m.put("status", status.name());
        m.put("goodStanding", goodStanding());
        return m;
    }

    private void requireActive(String action) {
        if (!status.active()) {
            throw new IllegalTransition("organization", status.name(), action);
        }
    }

    private Organization withStatus(OrganizationStatus to, LocalDate on) {
        return new Organization(id, creditCode, authorityCode, type, name, residence, purpose, businessScope,
                activityArea, legalRepresentative, fundsFen, sponsorUnit, members, officers, to, registeredOn, on,
                abnormalListed, seriousListed, restrictedUntilRectified, version + 1);
    }

    private DomainEvent event(String eventName, OrganizationStatus from, String reason, Map<String, Object> changes) {
        return new DomainEvent(eventName, from == null ? null : from.name(), status.name(), reason, changes, standingFields());
    }
}
