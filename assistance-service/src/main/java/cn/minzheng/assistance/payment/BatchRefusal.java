package cn.minzheng.assistance.payment;

/** A batch command refused for who asks, not for the batch's state (that is a kit {@code IllegalTransition}). */
public class BatchRefusal extends RuntimeException {
    /** The role does not allow the command (approve: APPROVER only). */
    public static final String ROLE_NOT_ALLOWED = "role-not-allowed";
    /** 回避: the one who drew a batch up does not approve it. */
    public static final String OWN_BATCH = "batch-own-approval";

    private final String code;

    private final String english;

    public BatchRefusal(String code, String message) {
        this(code, message, message);
    }

    /** {@code message} in Chinese (what people read by default), {@code english} when English is asked for. */
    public BatchRefusal(String code, String message, String english) {
        super(message, null, false, false);
        this.code = code;
        this.english = english;
    }

    public String english() {
        return english;
    }

    public String code() {
        return code;
    }
}
