package cn.minzheng.assistance.household;

/** 临时救助 kinds: 急难型 may be paid first (先行救助); 支出型 follows the ordinary steps. */
public enum EmergencyKind { URGENT, EXPENDITURE }
