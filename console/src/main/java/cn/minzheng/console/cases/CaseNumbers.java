package cn.minzheng.console.cases;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A case number or id from a page's path, checked before it goes into an API path. */
public final class CaseNumbers {
    private CaseNumbers() {
    }

    public static String check(String number) {
        if (number == null || !number.matches("[A-Za-z0-9][A-Za-z0-9-]{0,79}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个案件编号。请从列表中打开案件。");
        }
        return number;
    }
}
