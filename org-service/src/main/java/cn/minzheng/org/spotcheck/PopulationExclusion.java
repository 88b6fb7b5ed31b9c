package cn.minzheng.org.spotcheck;

import cn.minzheng.org.registration.Organization;

import java.time.LocalDate;

/**
 * A configured exclusion from the 双随机 population ([抽查]: the population is the authority's registrants;
 * a local rule may leave some out), with the source that allows it. Every exclusion applied is recorded with
 * the draw and published with it ({@link DrawPopulation}).
 *
 * @param months for {@link Rule#REGISTERED_WITHIN_MONTHS}: registered fewer than this many months before the draw
 * @param source where the rule comes from (shown with the draw)
 */
public record PopulationExclusion(Rule rule, Integer months, String source) {

    public enum Rule {
        /** registered fewer than {@code months} months before the draw */
        REGISTERED_WITHIN_MONTHS,
        /** on the 严重违法失信名单 (handled by enforcement, not by a random check) */
        ON_SERIOUS_LIST,
        /** 年检不合格, rectification ordered and not yet done */
        UNDER_RECTIFICATION
    }

    public PopulationExclusion {
        if (rule == null) {
            throw new IllegalArgumentException("an exclusion needs its rule");
        }
        if (rule == Rule.REGISTERED_WITHIN_MONTHS && (months == null || months <= 0)) {
            throw new IllegalArgumentException("REGISTERED_WITHIN_MONTHS needs months > 0");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("an exclusion needs its source");
        }
    }

    public boolean excludes(Organization o, LocalDate on) {
        return switch (rule) {
            case REGISTERED_WITHIN_MONTHS -> o.registeredOn() != null && o.registeredOn().isAfter(on.minusMonths(months));
            case ON_SERIOUS_LIST -> o.seriousListed();
            case UNDER_RECTIFICATION -> o.restrictedUntilRectified();
        };
    }

    /** The rule in words, as the published draw shows it. */
    public String reason() {
        return switch (rule) {
            case REGISTERED_WITHIN_MONTHS -> "抽取日前成立不满" + months + "个月";
            case ON_SERIOUS_LIST -> "已列入严重违法失信名单";
            case UNDER_RECTIFICATION -> "年检不合格，整改期间";
        };
    }
}
