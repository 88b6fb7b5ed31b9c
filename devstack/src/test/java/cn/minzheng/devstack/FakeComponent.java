package cn.minzheng.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/** A tiny component for launcher tests, run as its own JVM from the test classpath. */
public final class FakeComponent {

    private FakeComponent() {
    }

    /**
     * {@code listen PORT}: listens and prints "fake ready"; {@code crash}: prints 40 numbered lines and
     * exits with 3; {@code silent}: never gets ready; {@code spawn PORT}: starts a silent child JVM,
     * prints its pid, then listens.
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "listen" -> listen(Integer.parseInt(args[1]));
            case "crash" -> {
                for (int i = 1; i <= 40; i++) {
                    System.out.println("fake log line " + i);
                }
                System.out.println("FATAL: cannot connect to the database");
                System.exit(3);
            }
            case "silent" -> Thread.sleep(Long.MAX_VALUE);
            case "spawn" -> {
                Process child = new ProcessBuilder(command("silent")).inheritIO().start();
                System.out.println("child pid " + child.pid());
                listen(Integer.parseInt(args[1]));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void listen(int port) throws Exception {
        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("fake ready on " + port);
            while (true) {
                socket.accept().close();
            }
        }
    }

    static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", JavaCommand.absolute(System.getProperty("java.class.path")),
                FakeComponent.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
