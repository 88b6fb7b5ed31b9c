package cn.minzheng.devstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to start the stack.
 *
 * @param root           the repository root (service jars are {@code <root>/<module>/target/<module>-0.1.0-SNAPSHOT.jar})
 * @param dataDir        where everything is kept ({@code <root>/.devstack})
 * @param reset          wipe {@code dataDir} first
 * @param scope          everything, or just Kafka + Mongo + the identity server (the token issuer)
 * @param ports          loopback ports
 * @param issuer         the {@code iss} claim of the local tokens
 * @param infraTimeout   how long Kafka and Mongo may take to become ready (the identity server, a Spring Boot
 *                       app, has {@code serviceTimeout})
 * @param serviceTimeout how long one stage of Spring Boot services may take (several start at once on 2 cores)
 * @param jvmFlags       flags for every child JVM ({@code --jvm-flags}, {@code --c2})
 * @param out            where progress lines go
 * @param without        services not to start (a developer runs them from the IDE instead)
 * @param mongo          how the Mongo-wire store keeps its data ({@code --mongo-in-memory}, {@code --mongo-heap})
 */
public record DevStackOptions(Path root, Path dataDir, boolean reset, Scope scope, Ports ports, String issuer,
                              Duration infraTimeout, Duration serviceTimeout, List<String> jvmFlags, PrintStream out,
                              Set<String> without, MongoStore mongo) {

    /** The services {@code --without} accepts. */
    public static final Set<String> SERVICES = Set.of("registry-service", "assistance-service", "org-service",
            "audit-service", "gateway", "console");

    /** What every child JVM needs whatever the tuning: UTF-8 and the IPv4 loopback everything binds to. */
    public static final List<String> BASE_JVM_FLAGS = List.of("-Dfile.encoding=UTF-8", "-Djava.net.preferIPv4Stack=true");

    /** Modest for a 2-core laptop: small heap, serial GC, C1 only (faster start, enough for a demo). */
    public static final List<String> DEFAULT_TUNING_FLAGS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k");

    /** Today's flags for every child JVM: {@link #DEFAULT_TUNING_FLAGS} then {@link #BASE_JVM_FLAGS}. */
    public static final List<String> DEFAULT_JVM_FLAGS = concat(DEFAULT_TUNING_FLAGS, BASE_JVM_FLAGS);

    /** The flag that keeps a JVM on C1; {@code --c2} removes it, so hot code gets C2 (for benchmarks). */
    static final String C1_ONLY_PREFIX = "-XX:TieredStopAtLevel=";

    public enum Scope {
        /** Kafka, Mongo, the identity server, registry, the three services, the gateway and the console. */
        ALL,
        /** Kafka, Mongo and the identity server (token issuer): for developers running a service from their IDE. */
        INFRA
    }

    public DevStackOptions {
        root = root.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        jvmFlags = List.copyOf(jvmFlags);
        without = Set.copyOf(without);
        for (String name : without) {
            if (!SERVICES.contains(name)) {
                throw new IllegalArgumentException("--without accepts " + new TreeSet<>(SERVICES) + ", not '" + name + "'");
            }
        }
    }

    /** Defaults for a repository root: ports of the contract, data in {@code .devstack/}. */
    public static DevStackOptions defaults(Path root) {
        return new DevStackOptions(root, root.resolve(".devstack"), false, Scope.ALL, Ports.defaults(),
                "http://localhost:9000", Duration.ofSeconds(90), Duration.ofSeconds(240), DEFAULT_JVM_FLAGS, System.out, Set.of(),
                MongoStore.FILE);
    }

    public DevStackOptions withReset(boolean value) {
        return new DevStackOptions(root, dataDir, value, scope, ports, issuer, infraTimeout, serviceTimeout, jvmFlags, out, without, mongo);
    }

    public DevStackOptions withScope(Scope value) {
        return new DevStackOptions(root, dataDir, reset, value, ports, issuer, infraTimeout, serviceTimeout, jvmFlags, out, without, mongo);
    }

    /** Other ports; the issuer claim follows the issuer port ({@code http://localhost:<port>}). */
    public DevStackOptions withPorts(Ports value) {
        return new DevStackOptions(root, dataDir, reset, scope, value, "http://localhost:" + value.issuer(),
                infraTimeout, serviceTimeout, jvmFlags, out, without, mongo);
    }

    public DevStackOptions withDataDir(Path value) {
        return new DevStackOptions(root, value, reset, scope, ports, issuer, infraTimeout, serviceTimeout, jvmFlags, out, without, mongo);
    }

    public DevStackOptions withOut(PrintStream value) {
        return new DevStackOptions(root, dataDir, reset, scope, ports, issuer, infraTimeout, serviceTimeout, jvmFlags, value, without, mongo);
    }

    public DevStackOptions without(Set<String> services) {
        return new DevStackOptions(root, dataDir, reset, scope, ports, issuer, infraTimeout, serviceTimeout, jvmFlags, out, services, mongo);
    }

    public DevStackOptions withTimeouts(Duration infra, Duration services) {
        return new DevStackOptions(root, dataDir, reset, scope, ports, issuer, infra, services, jvmFlags, out, without, mongo);
    }

    /** Exactly these flags for every child JVM (infrastructure and services). */
    public DevStackOptions withJvmFlags(List<String> value) {
        return new DevStackOptions(root, dataDir, reset, scope, ports, issuer, infraTimeout, serviceTimeout, value, out, without, mongo);
    }

    public DevStackOptions withMongo(MongoStore value) {
        return new DevStackOptions(root, dataDir, reset, scope, ports, issuer, infraTimeout, serviceTimeout, jvmFlags, out, without, value);
    }

    /**
     * The Mongo-wire store's data: in an MVStore file under the data folder (the default; survives a
     * restart), or in memory ({@code --mongo-in-memory}: gone at stop, no page serialisation, for
     * benchmarks); {@code heap} ({@code --mongo-heap 4g}) is its {@code -Xmx}, after the common flags.
     */
    public record MongoStore(boolean inMemory, String heap) {

        public static final MongoStore FILE = new MongoStore(false, null);

        public MongoStore {
            if (heap != null && !heap.matches("[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("--mongo-heap takes a JVM heap size such as 4g or 3072m, not '" + heap + "'");
            }
        }

        /** The flags the Mongo-wire JVM gets after the common ones. */
        public List<String> jvmFlags() {
            return heap == null ? List.of() : List.of("-Xmx" + heap);
        }
    }

    /** {@code --jvm-flags}: the tuning flags replaced by {@code tuning}; {@link #BASE_JVM_FLAGS} stay, before them. */
    public DevStackOptions withTuningFlags(List<String> tuning) {
        return withJvmFlags(concat(BASE_JVM_FLAGS, tuning));
    }

    /** {@code --c2}: the same flags without the one that stops the JIT at C1. */
    public DevStackOptions withC2() {
        return withJvmFlags(jvmFlags.stream().filter(flag -> !flag.startsWith(C1_ONLY_PREFIX)).toList());
    }

    /** Splits {@code --jvm-flags "<flags>"} at white space (a flag cannot contain a space). */
    static List<String> splitFlags(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    }

    static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * {@code [--reset] [--only infra] [--root DIR] [--data DIR]}. The root defaults to the nearest
     * folder (from {@code cwd} up) holding {@code pom.xml} and {@code devstack/}.
     *
     * @throws IllegalArgumentException on anything else, with a usage message
     */
    public static DevStackOptions parse(String[] args, Path cwd) {
        Path root = null;
        Path data = null;
        boolean reset = false;
        Scope scope = Scope.ALL;
        Set<String> without = new HashSet<>();
        List<String> tuning = null;
        boolean c2 = false;
        boolean mongoInMemory = false;
        String mongoHeap = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--only" -> {
                    String what = value(args, ++i, "--only");
                    if (!what.equals("infra")) {
                        throw new IllegalArgumentException("--only accepts 'infra', not '" + what + "'\n" + USAGE);
                    }
                    scope = Scope.INFRA;
                }
                case "--without" -> without.addAll(Arrays.asList(value(args, ++i, "--without").split(",")));
                case "--root" -> root = path(value(args, ++i, "--root"));
                case "--data" -> data = path(value(args, ++i, "--data"));
                case "--jvm-flags" -> tuning = splitFlags(flagsValue(args, ++i));
                case "--c2" -> c2 = true;
                case "--mongo-in-memory" -> mongoInMemory = true;
                case "--mongo-heap" -> mongoHeap = value(args, ++i, "--mongo-heap");
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i] + "\n" + USAGE);
            }
        }
        Path resolvedRoot = root != null ? root : findRoot(cwd);
        DevStackOptions options;
        try {
            options = defaults(resolvedRoot).withReset(reset).withScope(scope).without(without);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE);
        }
        if (tuning != null) {
            options = options.withTuningFlags(tuning);
        }
        if (c2) {
            options = options.withC2();
        }
        try {
            options = options.withMongo(new MongoStore(mongoInMemory, mongoHeap));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE);
        }
        return data == null ? options : options.withDataDir(data);
    }

    static final String USAGE = """
            usage: devstack [--reset] [--only infra] [--without SERVICE,…] [--root DIR] [--data DIR]
                            [--jvm-flags "FLAGS"] [--c2] [--mongo-in-memory] [--mongo-heap SIZE]
              --reset        wipe the data folder (.devstack/) before starting
              --only infra   start only Kafka (9092), Mongo (27017) and the identity server (9000:
                             OpenID Connect login and the scripted POST /token)
              --without S,…  do not start these services (you run them yourself, e.g. from the IDE):
                             registry-service, assistance-service, org-service, audit-service, gateway,
                             console
              --root DIR     repository root (default: the folder holding pom.xml and devstack/)
              --data DIR     data folder (default: <root>/.devstack)
              --jvm-flags "FLAGS"
                             JVM flags for every component instead of the default tuning
                             "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
                             (-Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true stay)
              --c2           let the JIT use C2 (drops -XX:TieredStopAtLevel=…): slower start,
                             faster hot code — for benchmarks
              --mongo-in-memory
                             keep the Mongo-wire store's data in memory (lost at stop; no page
                             serialisation to the MVStore file; no oplog, so no change
                             streams — no service uses them) — for benchmarks
              --mongo-heap SIZE
                             -Xmx of the Mongo-wire store only (e.g. 4g for 1M audit records in memory)""";

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    /** The launcher's own options: never taken for the value of {@code --jvm-flags}. */
    private static final Set<String> OPTIONS = Set.of("--reset", "--only", "--without", "--root", "--data",
            "--jvm-flags", "--c2", "--mongo-in-memory", "--mongo-heap", "--help", "-h");

    /**
     * The value of {@code --jvm-flags}: anything but one of the launcher's own options, even starting
     * with {@code --} ({@code --add-opens …}).
     */
    private static String flagsValue(String[] args, int index) {
        if (index >= args.length || OPTIONS.contains(args[index])) {
            throw new IllegalArgumentException("--jvm-flags needs a value, e.g. --jvm-flags \"-Xmx1g -XX:+UseParallelGC\"\n" + USAGE);
        }
        return args[index];
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("not a path: " + value + "\n" + USAGE);
        }
    }

    static Path findRoot(Path cwd) {
        for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("devstack"))) {
                return dir;
            }
        }
        return cwd.toAbsolutePath();
    }
}
