package cn.minzheng.org.registration;

/** 公募 (may raise funds from the public) or 非公募 foundation; decides the original-fund minimum. */
public enum FoundationKind {
    PUBLIC, NON_PUBLIC
}
