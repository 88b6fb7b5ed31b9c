package cn.minzheng.org.annualinspection;

/** The financial part of an annual report, in fen. */
public record Finances(long incomeFen, long expenditureFen, long netAssetsFen) {
}
