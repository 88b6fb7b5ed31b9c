package cn.minzheng.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.minzheng.platform.embedded.DemoUser;

/** The people one can log in as: {@link DemoUser#all()}, by their key ({@code citizen}, {@code clerk}, …). */
public final class DemoUsers {

    /** Every demo user's password. Devstack only: the identity server never runs in compose. */
    public static final String PASSWORD = "demo";

    private final Map<String, DemoUser> byKey = new LinkedHashMap<>();

    public DemoUsers(List<DemoUser> users) {
        users.forEach(user -> byKey.put(user.key(), user));
    }

    public Optional<DemoUser> byUsername(String username) {
        return Optional.ofNullable(byKey.get(username));
    }

    public List<DemoUser> all() {
        return List.copyOf(byKey.values());
    }
}
