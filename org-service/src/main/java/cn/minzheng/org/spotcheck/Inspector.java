package cn.minzheng.org.spotcheck;

import java.util.Set;

/** An inspector in the draw pool, with the organizations they must withdraw from (回避). */
public record Inspector(String id, Set<String> conflictsWith) {
    public Inspector {
        conflictsWith = conflictsWith == null ? Set.of() : Set.copyOf(conflictsWith);
    }
}
