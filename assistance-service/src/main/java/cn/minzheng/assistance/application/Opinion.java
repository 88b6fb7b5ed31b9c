package cn.minzheng.assistance.application;

import java.time.Instant;

/** 乡镇 preliminary opinion (初审意见). */
public record Opinion(boolean recommendApproval, String text, Instant givenAt, String givenBy) {
}
