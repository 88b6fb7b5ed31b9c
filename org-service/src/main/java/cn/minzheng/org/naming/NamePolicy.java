package cn.minzheng.org.naming;

import cn.minzheng.org.organization.OrganizationType;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name rules that are configuration ([名称] 《社会组织名称管理办法》, 民政部令69, 2024):
 * allowed organization forms per type, words local organizations may not use, words nobody may use,
 * the industry terms in which a reserved word is allowed, and how long released names stay blocked.
 */
public record NamePolicy(Map<OrganizationType, Set<String>> formsByType,
                         List<String> reservedForNational,
                         List<String> misleadingWords,
                         List<String> industryQualifiers,
                         int tradeNameMinLength,
                         int tradeNameMaxLength,
                         Period blockedAfterRenameOrDeregistration,
                         Period blockedAfterRevocation) {

    /** The figures of 民政部令69; used by tests and as the shipped YAML defaults. */
    public static NamePolicy defaults() {
        return new NamePolicy(
                Map.of(OrganizationType.SOCIAL_GROUP, Set.of("协会", "学会", "商会", "研究会", "促进会", "联合会", "联谊会", "同学会"),
                        OrganizationType.PRIVATE_NON_ENTERPRISE, Set.of("中心", "院", "服务社", "服务中心", "学校", "医院", "研究院", "研究所"),
                        OrganizationType.FOUNDATION, Set.of("基金会")),
                List.of("中国", "全国", "中华"),
                List.of("第一", "最高", "国家级"),
                List.of("中华鲟", "中国象棋", "中华文化", "中国画"),
                2, 8,
                Period.ofYears(1),
                Period.ofYears(3));
    }
}
