package cn.minzheng.assistance.application;

/** Roles that act on assistance cases (token role names). */
public enum Role {
    CITIZEN, CLERK, APPROVER, ADMIN, AUDITOR,
    /** the service itself, reacting to another service's event (never a token role) */
    SYSTEM
}
