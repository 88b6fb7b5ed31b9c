package cn.minzheng.org.dormancy;

import java.time.LocalDate;

/**
 * One run of the dormancy sweep over an authority on a day (id {@code DS-<authority>-<day>}): its status and
 * progress, written after each batch. Running it again the same day re-examines every organization and opens
 * only the tasks not open yet (fixed task ids).
 */
public record DormancySweep(String id, String authorityCode, LocalDate on, boolean finished, long examined, long tasksOpened,
                            long noActivity, long consecutiveNonFiling) {

    public static String idOf(String authorityCode, LocalDate on) {
        return "DS-" + authorityCode + "-" + on;
    }

    public static DormancySweep start(String authorityCode, LocalDate on) {
        return new DormancySweep(idOf(authorityCode, on), authorityCode, on, false, 0, 0, 0, 0);
    }

    public DormancySweep plus(long examinedInBatch, long opened, long activity, long nonFiling) {
        return new DormancySweep(id, authorityCode, on, false, examined + examinedInBatch, tasksOpened + opened, noActivity + activity,
                consecutiveNonFiling + nonFiling);
    }

    public DormancySweep done() {
        return new DormancySweep(id, authorityCode, on, true, examined, tasksOpened, noActivity, consecutiveNonFiling);
    }
}
