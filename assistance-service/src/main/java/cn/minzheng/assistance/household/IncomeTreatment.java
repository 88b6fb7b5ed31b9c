package cn.minzheng.assistance.household;

/** How an income line enters the per-capita figure. */
public enum IncomeTreatment { COUNTED, EXCLUDED, DEDUCTED }
