package cn.minzheng.platform.events;

/**
 * A Kafka record that is not a readable event of this platform: a required CloudEvents attribute
 * is missing or invalid, or the value is not a JSON object.
 *
 * <p>It is the only exception the decoders throw, so a consumer can route exactly these records
 * to the dead-letter topic ({@link Topics#deadLetterOf(String)}) and treat anything else as a bug.
 */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
