package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The media type a success answer really has, instead of springdoc's {@code *}{@code /*}: what the
 * handler declares ({@code produces}); else what the path's file extension says ({@code .csv},
 * {@code .ndjson}, {@code .xlsx}, {@code .pem}); else {@code application/octet-stream} for a handler
 * answering bytes ({@code DataBuffer}, {@code Resource}, {@code byte[]}); else {@code application/json}.
 * Exports are text or binary, not the JSON arrays springdoc infers from {@code Flux<String>}.
 */
final class SuccessMediaTypes {

    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String OCTET_STREAM = "application/octet-stream";

    static final Map<String, String> BY_EXTENSION = Map.of(".csv", CSV, ".ndjson", NDJSON, ".xlsx", XLSX,
            ".pem", "application/x-pem-file", ".pdf", "application/pdf", ".zip", "application/zip");

    private SuccessMediaTypes() {
    }

    /** What the handler answers: the declared types, or the one the path or the return type implies. */
    static List<String> resolve(List<String> declared, String path, boolean bytes) {
        List<String> concrete = declared == null ? List.of()
                : declared.stream().filter(t -> !t.contains("*")).map(SuccessMediaTypes::withoutParameters).distinct().toList();
        if (!concrete.isEmpty()) {
            return concrete;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (var entry : BY_EXTENSION.entrySet()) {
            if (lower.endsWith(entry.getKey())) {
                return List.of(entry.getValue());
            }
        }
        return List.of(bytes ? OCTET_STREAM : JSON);
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals(JSON) || mediaType.endsWith("+json");
    }

    /** Text that is not one JSON value: CSV, NDJSON lines, PEM, plain text. */
    static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals(NDJSON) || mediaType.equals("application/x-pem-file");
    }

    /** Rewrites the content of every 2xx answer to {@code mediaTypes}, with a schema that fits each. */
    static void apply(ApiResponses responses, List<String> mediaTypes) {
        for (var entry : responses.entrySet()) {
            ApiResponse response = entry.getValue();
            if (!entry.getKey().startsWith("2") || response.get$ref() != null || response.getContent() == null
                    || response.getContent().isEmpty()) {
                continue;
            }
            Content old = response.getContent();
            MediaType any = old.get("*/*") != null ? old.get("*/*") : old.values().iterator().next();
            Content content = new Content();
            for (String type : mediaTypes) {
                MediaType existing = old.get(type) != null ? old.get(type) : any;
                if (isJson(type)) {
                    content.addMediaType(type, existing);
                } else if (isText(type)) {
                    Schema<Object> text = Schemas.of("string", null);
                    text.setDescription(type.equals(NDJSON) ? "NDJSON：每行一个 JSON 对象" : type.equals(CSV) ? "CSV 文本（UTF-8）" : null);
                    content.addMediaType(type, new MediaType().schema(text));
                } else {
                    Schema<Object> binary = Schemas.of("string", "binary");
                    binary.setContentMediaType(type);
                    content.addMediaType(type, new MediaType().schema(binary));
                }
            }
            response.setContent(content);
        }
    }

    private static String withoutParameters(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
