package cn.minzheng.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds loopback ports nobody listens on, and tells whether a port is taken. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** A free port other than {@code taken} (two ports picked back to back may collide). */
    public static int findOtherThan(int taken) {
        int port = find();
        while (port == taken) {
            port = find();
        }
        return port;
    }

    /** True when something already listens on {@code 127.0.0.1:port} or the port cannot be bound. */
    public static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
