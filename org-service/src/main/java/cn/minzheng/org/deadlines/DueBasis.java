package cn.minzheng.org.deadlines;

/** Which limit a due date follows: the statutory one (法定时限) or a shorter promised one (承诺时限). */
public enum DueBasis {
    STATUTORY,
    PROMISED
}
