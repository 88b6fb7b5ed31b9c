package cn.minzheng.assistance.application;

import java.time.Instant;

/** 全过程记录: one transition with who, in which role, when and why. */
public record TransitionRecord(ApplicationCommand command, ApplicationStatus from, ApplicationStatus to,
                               String actorId, String actorName, Role actorRole, Instant at, String reason) {
}
