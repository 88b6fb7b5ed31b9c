package cn.minzheng.assistance.standards;

/** 城市 or 农村: standards differ between the two. */
public enum Area { URBAN, RURAL }
