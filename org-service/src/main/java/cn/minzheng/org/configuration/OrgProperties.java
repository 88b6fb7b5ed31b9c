package cn.minzheng.org.configuration;

import cn.minzheng.org.creditlist.CreditListPolicy;
import cn.minzheng.org.deadlines.MatterLimit;
import cn.minzheng.org.enforcement.BanPolicy;
import cn.minzheng.org.enforcement.DiscretionBenchmarks;
import cn.minzheng.org.enforcement.EnforcementPolicy;
import cn.minzheng.org.enforcement.Severity;
import cn.minzheng.org.naming.NamePolicy;
import cn.minzheng.org.dormancy.DormancyPolicy;
import cn.minzheng.org.naming.NameSimilarity;
import cn.minzheng.org.organization.Matter;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.FilingLimits;
import cn.minzheng.org.registration.RegistrationPolicy;
import cn.minzheng.org.spotcheck.Inspector;
import cn.minzheng.org.spotcheck.SpotCheckPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * {@code minzheng.org.*}: every local figure, with its legal source beside it in application.yml.
 *
 * @param spotCheckInspectors 执法检查人员名录 of each authority (region code → inspectors with their 回避 entries: credit
 *                            codes or organization ids, and 身份证 numbers of persons); the only source of a draw's pool
 * @param enforcement          figures of the penalty procedure
 * @param discretionBenchmarks 裁量基准: violation → circumstances → allowed penalties and ranges
 * @param creditCodePrefix leading characters of the organization-code body of issued credit codes
 * @param nameSimilarity   when a name is "similar" to one in use in the same area ([SG]§13 refusal ground)
 * @param dormancy         zombie detection: activity window, consecutive years without a report, task due days, source
 * @param ban              取缔 of unregistered organizations: decision days, statement and announcement working days, source
 * @param filingLimits     days an organization has to file a 变更 (from the sponsor's consent) or a 注销 (after
 *                         liquidation); absent: the statutory 30 and 15
 */
@ConfigurationProperties("minzheng.org")
public record OrgProperties(RegistrationPolicy registration,
                            NamePolicy naming,
                            Map<Matter, MatterLimit> limits,
                            FilingLimits filingLimits,
                            Inspection inspection,
                            CreditListPolicy creditLists,
                            SpotCheckPolicy spotCheck,
                            Map<String, List<Inspector>> spotCheckInspectors,
                            EnforcementPolicy enforcement,
                            Map<String, Map<Severity, DiscretionBenchmarks.Band>> discretionBenchmarks,
                            String creditCodePrefix,
                            NameSimilarity nameSimilarity,
                            DormancyPolicy dormancy,
                            BanPolicy ban) {

    public OrgProperties {
        ban = ban == null ? BanPolicy.defaults() : ban;
        dormancy = dormancy == null ? DormancyPolicy.defaults() : dormancy;
        nameSimilarity = nameSimilarity == null ? NameSimilarity.defaults() : nameSimilarity;
        filingLimits = filingLimits == null ? FilingLimits.statutory() : filingLimits;
    }

    /**
     * Annual inspection: deadline (month, day) of the year after the reported one for a type without
     * its own, each type's own deadline with its legal source, exemption window.
     */
    public record Inspection(int deadlineMonth, int deadlineDay, int exemptionMonths, Map<OrganizationType, TypeDeadline> deadlines) {
        public Inspection {
            deadlines = deadlines == null ? Map.of() : deadlines;
        }
    }

    /** One type's report deadline (month, day of the following year) and where the figure comes from. */
    public record TypeDeadline(int month, int day, String source) {
    }
}
