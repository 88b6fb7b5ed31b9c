package cn.minzheng.assistance.eligibility;

/** How an income line enters the per-capita figure. */
public enum IncomeTreatment { COUNTED, EXCLUDED, DEDUCTED }
