package cn.minzheng.platform.codes.calendar;

/** A holiday file that cannot be read: wrong syntax, a contradiction, a missing header. */
public final class CalendarDataException extends RuntimeException {

    public CalendarDataException(String message) {
        super(message);
    }

    public CalendarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
