package cn.minzheng.org.dormancy;

import java.time.Period;

/**
 * When an organization looks dormant (僵尸型社会组织) and how long an inspector has to look into it. Local
 * figures with their source: no activity reported within {@code activityWindow} of registration ([SG]: 成立后
 * 无正当理由1年未开展活动; [JJ]: 12 months), or no annual report for {@code consecutiveNonFilingYears}
 * years running (未按规定连续2年参加年检); an inspection task is due {@code taskDueDays} days after it opens.
 */
public record DormancyPolicy(Period activityWindow, int consecutiveNonFilingYears, int taskDueDays, String source) {
    public DormancyPolicy {
        activityWindow = activityWindow == null ? Period.ofYears(1) : activityWindow;
        consecutiveNonFilingYears = consecutiveNonFilingYears <= 0 ? 2 : consecutiveNonFilingYears;
        taskDueDays = taskDueDays <= 0 ? 30 : taskDueDays;
        source = source == null || source.isBlank() ? "《社会团体登记管理条例》《基金会管理条例》；连续未参加年检的年数与核查期限为本地设定" : source;
    }

    public static DormancyPolicy defaults() {
        return new DormancyPolicy(null, 0, 0, null);
    }
}
