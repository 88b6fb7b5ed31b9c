package cn.minzheng.systemtests.gateway;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** One HTTP answer as a client sees it: status, headers, the body as text and (when JSON) parsed. */
public record Answer(String method, String path, int status, HttpHeaders headers, String body) {

    public String contentType() {
        return headers.firstValue("content-type").orElse("");
    }

    public boolean isProblem() {
        return contentType().startsWith("application/problem+json");
    }

    /** The body as JSON, or a missing node when it is not JSON. */
    public JsonNode json() {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    public String text(String field) {
        JsonNode n = json().path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }

    public String etag() {
        return headers.firstValue("etag").orElse(null);
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
        return method + " " + path + " → " + status + " " + contentType() + " " + shown;
    }
}
