package cn.minzheng.bench.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 社会团体 founding applications to 随州市曾都区民政局 that meet [SG] 第十条 (60 members, 3万 yuan in
 * cash, the documents of the founding matter), each with its own name so the name claim succeeds.
 */
public final class OrganizationPayloads {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String[] FIELDS = {"科普", "书法", "摄影", "围棋", "诗词", "茶文化", "民俗", "园艺"};

    private final long run;

    /** @param run a number that differs between bench runs (names stay unique across runs) */
    public OrganizationPayloads(long run) {
        this.run = Math.abs(run);
    }

    /** Chinese digits for a number: 科普一二三 reads as a name, Arabic digits would not. */
    public static String chineseDigits(long n) {
        String s = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(DIGITS.charAt(c - '0'));
        }
        return out.toString();
    }

    public Map<String, Object> founding(long i, String legalRepresentativeId) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("region", "随州市曾都区");
        name.put("field", FIELDS[(int) Math.floorMod(i, FIELDS.length)] + chineseDigits(run) + "之" + chineseDigits(i));
        name.put("form", "协会");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorityCode", SubmissionPayloads.COUNTY);
        body.put("type", "SOCIAL_GROUP");
        body.put("name", name);
        body.put("residence", "烈山大道" + (i % 900 + 1) + "号");
        body.put("purpose", "服务会员，促进交流");
        body.put("businessScope", "学术交流、培训、咨询");
        body.put("activityArea", "曾都区");
        body.put("legalRepresentative", Map.of("name", SubmissionPayloads.name(i), "idNumber", legalRepresentativeId));
        body.put("funds", "30000.00");
        body.put("fundsInCash", true);
        body.put("sponsorUnit", "曾都区科协");
        body.put("members", Map.of("individuals", 60, "units", 0));
        body.put("documents", List.of("APPLICATION", "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION", "PREMISES_PROOF",
                "OFFICER_IDS", "DRAFT_CHARTER"));
        return body;
    }
}
