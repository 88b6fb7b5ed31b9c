package cn.minzheng.assistance.providers;

/**
 * A social organization as this service knows it from {@code org.events} (read model; org-service
 * owns the truth). In good standing = registered, not listed as abnormal or 严重违法失信, not
 * deregistered or revoked.
 */
public record Provider(String id, String name, String orgType, String creditCode, String regionCode,
                       boolean registered, boolean abnormal, boolean serious, boolean ended) {
    public boolean inGoodStanding() {
        return registered && !abnormal && !serious && !ended;
    }
}
