package cn.minzheng.gateway.problem;

import java.util.Locale;

/**
 * Every error the gateway itself answers, with its stable {@code code}, HTTP status and messages.
 * Details are {@link String#format} templates; their arguments are given where the problem arises.
 */
public enum ProblemKind {
    UNAUTHORIZED(401, "未认证", "Unauthenticated",
            "请求缺少有效的访问令牌：%s", "The request lacks a valid access token: %s"),
    FORBIDDEN(403, "无权访问", "Forbidden",
            "当前角色无权访问该资源，需要以下角色之一：%s", "Your roles do not admit this resource; one of these is needed: %s"),
    RATE_LIMITED(429, "请求过于频繁", "Too many requests",
            "请求过于频繁，请在 %s 秒后重试", "Too many requests; retry after %s seconds"),
    /** 429 too, before the token is read: the next step differs (sign in again), so the code does. */
    TOO_MANY_INVALID_TOKENS(429, "无效令牌过多", "Too many invalid tokens",
            "您所在地址发送的无效或过期令牌过多，请重新登录获取新的访问令牌，并在 %s 秒后重试",
            "Too many invalid or expired tokens came from your address; sign in again for a new token and retry after %s seconds"),
    PAYLOAD_TOO_LARGE(413, "请求体过大", "Payload too large",
            "请求体超过上限 %s 字节", "The request body exceeds the limit of %s bytes"),
    NOT_FOUND(404, "资源不存在", "Not found",
            "没有与该路径对应的服务：%s", "No service serves this path: %s"),
    METHOD_NOT_ALLOWED(405, "方法不被允许", "Method not allowed",
            "该路径不支持此请求方法：%s", "This path does not support the method: %s"),
    BAD_REQUEST(400, "请求无效", "Bad request",
            "请求无法解析：%s", "The request could not be read: %s"),
    SERVICE_UNAVAILABLE(503, "服务暂不可用", "Service unavailable",
            "服务 %s 暂不可用，请稍后重试", "The service %s is unavailable; please retry later"),
    GATEWAY_TIMEOUT(504, "服务响应超时", "Gateway timeout",
            "服务 %s 未能在 %s 内响应", "The service %s did not answer within %s"),
    INTERNAL(500, "网关内部错误", "Internal gateway error",
            "网关处理请求时出错，追踪号 %s", "The gateway failed to handle the request; trace id %s");

    private final int status;
    private final String titleZh;
    private final String titleEn;
    private final String detailZh;
    private final String detailEn;

    ProblemKind(int status, String titleZh, String titleEn, String detailZh, String detailEn) {
        this.status = status;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
    }

    public int status() {
        return status;
    }

    /** Stable machine-readable code, e.g. {@code GATEWAY_RATE_LIMITED}. */
    public String code() {
        return "GATEWAY_" + name();
    }

    /** The {@code type} URI under the default base ({@link ProblemTypeBase#DEFAULT}). */
    public String type() {
        return type(ProblemTypeBase.DEFAULT);
    }

    /**
     * The {@code type} URI under {@code base} ({@code minzheng.problems.type-base}, ending in {@code /}):
     * {@code <base>gateway/<kebab-case kind>}, a stable identifier documented in gateway/README.md.
     */
    public String type(String base) {
        return base + "gateway/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title(Language language) {
        return language == Language.EN ? titleEn : titleZh;
    }

    public String detail(Language language, Object... arguments) {
        return String.format(language == Language.EN ? detailEn : detailZh, arguments);
    }

    /** Chinese by default; English when the client asks for it first. */
    public enum Language {
        ZH, EN;

        public static Language fromAcceptLanguage(String header) {
            if (header == null || header.isBlank()) {
                return ZH;
            }
            String first = header.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
            return first.startsWith("en") ? EN : ZH;
        }
    }
}
