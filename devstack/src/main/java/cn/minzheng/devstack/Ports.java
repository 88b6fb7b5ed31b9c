package cn.minzheng.devstack;

import java.util.HashSet;
import java.util.Set;

import cn.minzheng.platform.embedded.FreePorts;

/**
 * Loopback ports of the stack; defaults from docs/contracts.md. {@code issuer} is the identity server's
 * (OpenID Connect and the scripted {@code POST /token}); {@code console} the web console's, reached
 * through the gateway at {@code /console/}.
 */
public record Ports(int kafka, int kafkaController, int mongo, int issuer, int registry,
                    int gateway, int assistance, int org, int audit, int console) {

    public static Ports defaults() {
        return new Ports(9092, 9093, 27017, 9000, 8761, 8080, 8081, 8082, 8083, 8084);
    }

    /** Distinct free ports, for tests that must not collide with a devstack running on the defaults. */
    public static Ports free() {
        Set<Integer> taken = new HashSet<>();
        int[] p = new int[10];
        for (int i = 0; i < p.length; i++) {
            int port;
            do {
                port = FreePorts.find();
            } while (!taken.add(port));
            p[i] = port;
        }
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
    }
}
