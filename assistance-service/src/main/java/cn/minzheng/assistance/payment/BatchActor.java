package cn.minzheng.assistance.payment;

import java.util.List;
import java.util.Set;

/** Who acts on a batch: token subject, display name and roles (CLERK, APPROVER, ADMIN, ...). */
public record BatchActor(String id, String name, Set<String> roles) {
    public BatchActor {
        roles = Set.copyOf(roles);
    }

    boolean holds(String role) {
        return roles.contains(role);
    }

    /** The role recorded on the event: the first of {@code preferred} the actor holds. */
    String roleFor(List<String> preferred) {
        return preferred.stream().filter(this::holds).findFirst().orElse(roles.stream().sorted().findFirst().orElse(""));
    }
}
