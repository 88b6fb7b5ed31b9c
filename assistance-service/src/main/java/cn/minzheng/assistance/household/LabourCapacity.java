package cn.minzheng.assistance.household;

/** 劳动能力 as declared and later verified by the home visit. */
public enum LabourCapacity { FULL, PARTIAL, NONE }
