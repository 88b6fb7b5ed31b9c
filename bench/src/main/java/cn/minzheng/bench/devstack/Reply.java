package cn.minzheng.bench.devstack;

import java.nio.charset.StandardCharsets;

/** An HTTP answer as the bench needs it: status, ETag, body. */
public record Reply(int status, String etag, byte[] body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
