package cn.minzheng.console.orgs;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An id of org-service (application, organization, notice, report) from a page's path, checked before it goes into an API path. */
final class OrgIds {
    private OrgIds() {
    }

    static String check(String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9-]{0,119}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个编号。请从列表中打开。");
        }
        return id;
    }

    /** A version for If-Match as the page sent it back (digits only; anything else is sent as 0 and refused as stale). */
    static String ifMatch(String version) {
        return "\"" + (version != null && version.matches("\\d{1,18}") ? version : "0") + "\"";
    }
}
