package cn.minzheng.assistance.application;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;

/**
 * 回避: nobody handles — accepts, investigates, decides, approves, changes — a case they submitted or
 * of a household they belong to ([57]§11 registers relatives of case workers separately; a case
 * worker's own household is the extreme of that). Applies to every command a staff role performs;
 * the applicant's own commands (submit, resubmit, withdraw) and the service's own ({@link Role#SYSTEM})
 * are not staff acts.
 *
 * <p>The actor is linked to the case by the account ({@code ownerSubject} = token subject), and by
 * the ID numbers known to be theirs: the applicant ID numbers of the cases their account submitted
 * (tokens carry no ID number claim today).
 */
public final class SelfDealing {
    private SelfDealing() {
    }

    /** Throws {@link SelfDealingException} when {@code actor} may not perform {@code command} on {@code c}. */
    public static void refuse(AssistanceCase c, ApplicationCommand command, Actor actor, Collection<String> actorIdNumbers) {
        link(c, actor, actorIdNumbers).filter(l -> staffAct(actor))
                .ifPresent(l -> {
                    throw new SelfDealingException(c.number(), command, l);
                });
    }

    /** True when the actor acts in a staff role (a human, not the applicant's own role, not the service). */
    public static boolean staffAct(Actor actor) {
        return actor.role() != Role.CITIZEN && actor.role() != Role.SYSTEM;
    }

    static Optional<SelfDealingException.Link> link(AssistanceCase c, Actor actor, Collection<String> actorIdNumbers) {
        if (c.ownerSubject() != null && c.ownerSubject().equals(actor.id())) {
            return Optional.of(SelfDealingException.Link.OWNER);
        }
        for (String id : actorIdNumbers) {
            if (id != null && householdIds(c).contains(id.toUpperCase(Locale.ROOT))) {
                return Optional.of(SelfDealingException.Link.HOUSEHOLD_MEMBER);
            }
        }
        return Optional.empty();
    }

    /** Every listed member, counted or not (a member in prison still belongs to the household). */
    private static Set<String> householdIds(AssistanceCase c) {
        Set<String> ids = new HashSet<>(c.memberIds());
        c.submission().members().stream().map(m -> m.idNumber()).filter(Objects::nonNull)
                .map(id -> id.toUpperCase(Locale.ROOT)).forEach(ids::add);
        ids.add(String.valueOf(c.submission().applicantIdNumber()).toUpperCase(Locale.ROOT));
        return ids;
    }
}
