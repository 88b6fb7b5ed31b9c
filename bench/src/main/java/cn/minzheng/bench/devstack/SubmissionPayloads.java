package cn.minzheng.bench.devstack;

import cn.minzheng.platform.codes.identity.ResidentIdNumber;
import cn.minzheng.platform.codes.region.RegionCode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic 城市低保 applications from 随州市曾都区: a one-person household with a valid 身份证 number
 * (a new one each time), wages below the standard, every required consent given.
 */
public final class SubmissionPayloads {

    /** 随州市曾都区: county code for the ID numbers, and a 12-digit village code inside it. */
    public static final String COUNTY = "421303";
    public static final String VILLAGE = "421303001001";
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1950, 1, 1);
    /** Adults born 1950-01-01 … 1999-12-31: about 18,260 days × 999 sequence numbers. */
    private static final long DAYS = 18_260;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"};

    private final AtomicLong next;

    /** @param start where in the ID number space to begin, so separate runs use different people */
    public SubmissionPayloads(long start) {
        this.next = new AtomicLong(Math.floorMod(start, DAYS * 999));
    }

    /** The i-th valid ID number of the space (wraps around). */
    public static String idNumber(long i) {
        long k = Math.floorMod(i, DAYS * 999);
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(k / 999);
        int sequence = (int) (k % 999) + 1;
        return ResidentIdNumber.generate(RegionCode.parse(COUNTY), birth, sequence).value();
    }

    public static String name(long i) {
        long k = Math.floorMod(i, 100);
        return SURNAMES[(int) (k / 10)] + GIVEN[(int) (k % 10)];
    }

    /** The next application body (POST /api/v1/assistance/applications). */
    public Map<String, Object> next() {
        long i = next.getAndIncrement();
        String id = idNumber(i);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", name(i));
        member.put("idNumber", id);
        member.put("relation", "SELF");
        member.put("incomes", List.of(Map.of("category", "WAGES", "monthlyAmount", "400.00")));
        member.put("authorizationSigned", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", "DIBAO_URBAN");
        body.put("applicantIdNumber", id);
        body.put("regionCode", VILLAGE);
        body.put("truthfulnessCommitment", true);
        body.put("members", List.of(member));
        return body;
    }
}
