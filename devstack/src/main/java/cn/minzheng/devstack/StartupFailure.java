package cn.minzheng.devstack;

import java.nio.file.Path;
import java.util.List;

/** The stack did not start: which component, why, and the end of its log. Everything started was stopped. */
public class StartupFailure extends RuntimeException {

    private final String component;
    private final Path logFile;
    private final List<String> logTail;
    private volatile boolean reported;

    public StartupFailure(String component, String reason, Path logFile, List<String> logTail) {
        super(component + ": " + reason);
        this.component = component;
        this.logFile = logFile;
        this.logTail = List.copyOf(logTail);
    }

    public String component() {
        return component;
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> logTail() {
        return logTail;
    }

    /** True once the launcher printed {@link #report()} to its output. */
    public boolean isReported() {
        return reported;
    }

    void markReported() {
        reported = true;
    }

    /** The message, then the log tail indented, as printed to the user. */
    public String report() {
        StringBuilder text = new StringBuilder("✗ ").append(getMessage());
        if (logFile != null) {
            text.append(System.lineSeparator()).append("  last lines of ").append(logFile).append(':');
            for (String line : logTail) {
                text.append(System.lineSeparator()).append("  | ").append(line);
            }
        }
        return text.toString();
    }

    /** Ports taken by another process: nothing was started. */
    public static final class PortInUse extends StartupFailure {
        private final int port;

        public PortInUse(String component, int port) {
            this(component, port, "");
        }

        /** @param hint what else is known about the holder, e.g. processes left over from an earlier devstack */
        public PortInUse(String component, int port, String hint) {
            super(component, "port " + port + " is already in use (another devstack or program listens on 127.0.0.1:"
                    + port + "); nothing was started" + (hint.isEmpty() ? "" : System.lineSeparator() + "  " + hint),
                    null, List.of());
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
