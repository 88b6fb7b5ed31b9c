package cn.minzheng.assistance.application;

/** Who acts: the token subject, display name, role used for this action and 区划 scope. */
public record Actor(String id, String name, Role role, String region) {
}
