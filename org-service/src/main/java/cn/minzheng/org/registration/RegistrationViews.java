package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.Matter;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.platform.codes.masking.Masking;

import java.time.LocalDate;
import java.util.List;

/** What the registration API answers. */
public final class RegistrationViews {
    private RegistrationViews() {
    }

    public record ApplicationView(String id, Matter matter, String authorityCode, String organizationId, ApplicationStatus status,
                                  String name, OrganizationType type, List<String> missingItems, LocalDate appliedOn,
                                  LocalDate acceptedOn, LocalDate promisedDue, LocalDate statutoryDue, LocalDate decidedOn,
                                  List<String> decisionReasons, FilingLimits.LateFiling lateFiling, long version) {
        public static ApplicationView of(RegistrationApplication a) {
            return new ApplicationView(a.id(), a.matter(), a.authorityCode(), a.organizationId(), a.status(),
                    a.particulars() == null ? null : a.particulars().name().fullName(),
                    a.particulars() == null ? null : a.particulars().type(), a.missingItems(), a.appliedOn(), a.acceptedOn(),
                    a.dueDates() == null ? null : a.dueDates().promised(), a.dueDates() == null ? null : a.dueDates().statutory(),
                    a.decidedOn(), a.decisionReasons(), a.lateFiling(), a.version());
        }
    }

    public record OrganizationView(String id, String creditCode, String name, OrganizationType type, OrganizationStatus status,
                                   String authorityCode, String residence, String purpose, String businessScope,
                                   String activityArea, String legalRepresentative, String funds, String sponsorUnit,
                                   LocalDate registeredOn, LocalDate endedOn, boolean abnormalListed, boolean seriousListed,
                                   long version) {
        public static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.creditCode(), o.name().fullName(), o.type(), o.status(), o.authorityCode(),
                    o.residence(), o.purpose(), o.businessScope(), o.activityArea(),
                    o.legalRepresentative() == null ? null : o.legalRepresentative().name(), Fen.of(o.fundsFen()).yuan(),
                    o.sponsorUnit(), o.registeredOn(), o.endedOn(), o.abnormalListed(), o.seriousListed(), o.version());
        }
    }

    /** Public record (公示): no ID numbers, the representative's name masked. */
    public record PublicOrganizationView(String creditCode, String name, OrganizationType type, OrganizationStatus status,
                                         String authorityCode, String residence, String businessScope, String legalRepresentative,
                                         LocalDate registeredOn, LocalDate endedOn, boolean abnormalListed, boolean seriousListed) {
        public static PublicOrganizationView of(Organization o) {
            return new PublicOrganizationView(o.creditCode(), o.name().fullName(), o.type(), o.status(), o.authorityCode(),
                    o.residence(), o.businessScope(),
                    o.legalRepresentative() == null ? null : Masking.name(o.legalRepresentative().name()),
                    o.registeredOn(), o.endedOn(), o.abnormalListed(), o.seriousListed());
        }
    }

    public record OnTimeRateView(String authority, LocalDate from, LocalDate to, long decided, long onTime, long perMille) {
    }
}
