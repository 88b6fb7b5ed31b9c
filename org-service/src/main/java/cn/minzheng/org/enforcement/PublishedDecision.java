package cn.minzheng.org.enforcement;

import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.platform.kit.logging.PersonalDataMasking;

import java.time.LocalDate;
import java.util.List;

/**
 * A 行政处罚决定 as made public (政务公开, 行政执法公示: decisions published within the configured number of
 * working days, [处罚法]§48 and the 三项制度): the decision's number, the organization, the facts in
 * brief, the legal basis (the 裁量基准's for the violation and circumstances), the penalties in words,
 * the date, and the last day of the publication period. Personal data in the facts (身份证号 and mobile
 * numbers, the kit's PersonalDataMasking) is masked; facts longer than {@value #BRIEF} characters are cut.
 *
 * @param status IN_FORCE — corrections and withdrawals would be shown as such (not yet modelled: a decision
 *               is never deleted from this list)
 */
public record PublishedDecision(String decisionReference, String organizationName, String creditCode, String facts,
                                String legalBasis, List<String> penalties, LocalDate decidedOn, LocalDate publishBy,
                                String status) {
    static final int BRIEF = 200;

    public static PublishedDecision of(EnforcementCase c, String organizationName, String creditCode, String legalBasis,
                                       LocalDate publishBy) {
        EnforcementCase.Decision d = c.decision();
        String masked = c.facts() == null ? "" : PersonalDataMasking.mask(c.facts());
        String brief = masked.length() > BRIEF ? masked.substring(0, BRIEF) + "…" : masked;
        return new PublishedDecision(d.reference(), organizationName, creditCode, brief, legalBasis,
                d.penalties().stream().map(PublishedDecision::text).toList(), d.decidedOn(), publishBy, "IN_FORCE");
    }

    static String text(Penalty p) {
        return switch (p.kind()) {
            case FINE, CONFISCATION -> p.kind().text() + Fen.of(p.amountFen()).yuan() + "元";
            case SUSPENSION -> p.kind().text() + p.months() + "个月";
            default -> p.kind().text();
        };
    }
}
