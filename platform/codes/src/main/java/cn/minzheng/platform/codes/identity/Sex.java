package cn.minzheng.platform.codes.identity;

/** 性别 as encoded in the ID number's sequence digits: odd = male, even = female. */
public enum Sex {
    MALE,
    FEMALE
}
