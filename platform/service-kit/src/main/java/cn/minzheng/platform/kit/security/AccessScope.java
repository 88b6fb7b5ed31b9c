package cn.minzheng.platform.kit.security;

/**
 * What a principal may see, as a filter a store adapter can turn into a query: everything,
 * cases whose region code starts with a prefix, cases owned by a subject, or nothing.
 */
public sealed interface AccessScope {

    record All() implements AccessScope {
    }

    record RegionPrefix(String prefix) implements AccessScope {
    }

    record OwnedBy(String subject) implements AccessScope {
    }

    record Nothing() implements AccessScope {
    }
}
