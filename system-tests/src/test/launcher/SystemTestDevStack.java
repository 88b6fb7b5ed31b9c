import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.minzheng.devstack.DevStack;
import cn.minzheng.devstack.DevStackOptions;
import cn.minzheng.devstack.Ports;
import cn.minzheng.devstack.StartupFailure;

/**
 * The system tests' own devstack, on free loopback ports, so a run never collides with a devstack
 * someone keeps on the contract's fixed ports. Run by {@code Platform} as a single-file program
 * ({@code java -cp <the devstack's classes and libraries> SystemTestDevStack.java ROOT DATA}) — not
 * compiled by Maven: the devstack jar is a Spring Boot fat jar, its classes cannot sit on the test
 * classpath, and the devstack must see its own classpath to launch the infrastructure JVMs.
 *
 * <p>Prints {@code ports: name=port …} before starting (again with other ports when one was taken
 * meanwhile; the last such line counts), {@code system-tests devstack is up} once
 * every component is ready. Stops everything on SIGTERM, and when its standard input ends (the test
 * JVM that started it is gone, even after a SIGKILL). Exit codes: 0 stopped, 1 did not start.
 */
public final class SystemTestDevStack {

    /**
     * The one setting that differs from the devstack's: an AUDITOR verifies at most 100 records a call
     * (audit-service's default is 100,000), so a system test can show the refusal of a longer range on
     * chains a run can fill (hostile.BoundedAuditReadsTest); the tests verify whole chains in slices,
     * as an auditor must (fixtures.Trail). Keep in step with Platform.AUDIT_VERIFY_MAX_SPAN.
     */
    static final String VERIFY_MAX_SPAN = "-Dminzheng.audit.reads.verify-max-span=100";

    static final java.time.Duration SERVICE_TIMEOUT = java.time.Duration.ofSeconds(480);

    private static volatile DevStack stack;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(SystemTestDevStack::stopEverything, "system-tests-devstack-stop"));
        Ports ports = null;
        for (int attempt = 1; stack == null; attempt++) {
            ports = Ports.free();
            System.out.println("ports: gateway=" + ports.gateway() + " registry=" + ports.registry() + " issuer=" + ports.issuer()
                    + " kafka=" + ports.kafka() + " kafkaController=" + ports.kafkaController() + " mongo=" + ports.mongo()
                    + " assistance=" + ports.assistance() + " org=" + ports.org() + " audit=" + ports.audit());
            DevStackOptions defaults = DevStackOptions.defaults(root);
            DevStackOptions options = defaults.withPorts(ports).withDataDir(data).withReset(true)
                    .withJvmFlags(withVerifyMaxSpan(defaults.jvmFlags()));
            // a shared 2-core machine (other builds running) may take longer than the devstack's 240 s a stage:
            // the system tests wait up to 480 s before they call it failed (Platform's own limit is above it)
            options = new DevStackOptions(options.root(), options.dataDir(), options.reset(), options.scope(), options.ports(),
                    options.issuer(), options.infraTimeout(), SERVICE_TIMEOUT, options.jvmFlags(), options.out(),
                    options.without(), options.mongo());
            try {
                stack = DevStack.start(options);
            } catch (StartupFailure.PortInUse e) {
                // another process took one of the free ports in the meantime: nothing was started, choose again
                System.out.println("a chosen port was taken meanwhile (" + e.getMessage() + ")" + (attempt < 3 ? "; choosing others" : ""));
                if (attempt >= 3) {
                    System.out.println("system-tests devstack did not start: " + e.getMessage());
                    System.exit(1);
                }
            } catch (StartupFailure e) {
                if (!e.isReported()) {
                    System.out.println(e.report());
                }
                System.out.println("system-tests devstack did not start: " + e.getMessage());
                System.out.flush();
                System.exit(1);
            }
        }
        System.out.println("system-tests devstack is up: gateway http://127.0.0.1:" + ports.gateway());
        System.out.flush();
        // the test JVM holds our stdin: it ends when that JVM exits, however it exits
        while (System.in.read() != -1) {
            // nothing is sent; keep reading until the end
        }
        System.out.println("standard input ended (the test JVM is gone): stopping");
        System.exit(0);
    }

    private static List<String> withVerifyMaxSpan(List<String> flags) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.add(VERIFY_MAX_SPAN);
        return all;
    }

    /** Stops the stack, or, while it is still starting, every process this JVM started. */
    private static void stopEverything() {
        DevStack running = stack;
        if (running != null) {
            System.out.println("stopping the system-tests devstack …");
            running.stop();
        }
        List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
        left.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : left) {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        System.out.println("nothing is left running.");
        System.out.flush();
    }
}
