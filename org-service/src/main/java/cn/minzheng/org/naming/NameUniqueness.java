package cn.minzheng.org.naming;

import cn.minzheng.org.problems.FieldProblem;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/** Uniqueness of a name within its registration authority ([名称]). */
public final class NameUniqueness {
    private final NamePolicy policy;

    public NameUniqueness(NamePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param existing records with the same claim key or the same full name in the same authority
     * @param applicantId the organization applying (its own records never block it), or null
     */
    public Optional<FieldProblem> check(NameClaim claim, String fullName, Collection<NameRecord> existing,
                                        String applicantId, LocalDate on, String pointer) {
        return existing.stream()
                .filter(r -> r.claim().authorityCode().equals(claim.authorityCode()))
                .filter(r -> r.claim().key().equals(claim.key()) || r.fullName().equals(fullName))
                .filter(r -> applicantId == null || !applicantId.equals(r.organizationId()))
                .filter(r -> r.blocks(on, policy))
                .findFirst()
                .map(r -> new FieldProblem(pointer, "NAME_TAKEN", message(r)));
    }

    private String message(NameRecord r) {
        return switch (r.state()) {
            case IN_USE -> "同一登记管理机关内已有同领域同组织形式的同名社会组织";
            case RELEASED_BY_RENAME, RELEASED_BY_DEREGISTRATION ->
                    "该名称因更名或注销释放未满1年，" + r.freeFrom(policy) + "起方可使用";
            case RELEASED_BY_REVOCATION -> "该名称因撤销登记释放未满3年，" + r.freeFrom(policy) + "起方可使用";
        };
    }
}
