package cn.minzheng.platform.events;

/**
 * One way an event does not fit its schema.
 *
 * @param path JSON pointer to the offending value: into the data for
 *     {@link EventSchemaValidator#validate(String, tools.jackson.databind.JsonNode)}, into the
 *     CloudEvents JSON form ({@code /type}, {@code /data/creditCode}) for
 *     {@link EventSchemaValidator#validate(EventEnvelope)}; empty for the root
 * @param keyword the schema keyword that failed ({@code required}, {@code type}, ...), or
 *     {@code catalogue} when the type has no schema
 * @param message what is wrong, in English
 */
public record SchemaViolation(String path, String keyword, String message) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "/" : path) + ": " + message;
    }
}
