package cn.minzheng.org.creditlist;

public enum EntryStatus {
    LISTED, REMOVED
}
