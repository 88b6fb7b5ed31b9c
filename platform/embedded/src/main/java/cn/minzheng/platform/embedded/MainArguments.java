package cn.minzheng.platform.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs given to the main classes of this module. */
final class MainArguments {

    private final Map<String, String> values;

    private MainArguments(Map<String, String> values) {
        this.values = values;
    }

    static MainArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
        return new MainArguments(values);
    }

    int intValue(String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was: " + value);
        }
    }

    Path path(String name, Path defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Path.of(value);
    }

    /** {@code --name} given without a value (or {@code --name true}). */
    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /**
     * Runs {@code start}; on failure prints why and exits with 1 at once, so a launcher watching
     * the process sees it die instead of a JVM kept alive by threads the failed start left behind.
     */
    static void startOrExit(String component, Runnable start) {
        try {
            start.run();
        } catch (RuntimeException e) {
            System.err.println(component + " failed to start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }
}
