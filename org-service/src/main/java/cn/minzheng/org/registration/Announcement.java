package cn.minzheng.org.registration;

import java.time.LocalDate;

/** 公告 of founding, 注销, and changes of name, 住所 or legal representative. Public. */
public record Announcement(String organizationId, String organizationName, String creditCode, String matter, String text,
                           LocalDate on) {
}
