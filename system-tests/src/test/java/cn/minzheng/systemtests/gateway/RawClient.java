package cn.minzheng.systemtests.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, from a loopback address of the test's choosing (127.0.0.0/8 all
 * reaches the gateway on 127.0.0.1): a client the gateway sees as another machine, for what the JDK's
 * client cannot do — choose its own address (Java 17), or send a request's head and hold its body back.
 * One request per connection ({@code Connection: close}); answers may be chunked.
 */
public final class RawClient {

    private final InetAddress local;
    private final int port;

    /** @param localAddress a loopback address such as {@code 127.23.4.5}, the client's own */
    public RawClient(String localAddress, int port) {
        try {
            this.local = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new IllegalArgumentException(localAddress, e);
        }
        if (!local.isLoopbackAddress()) {
            throw new IllegalArgumentException("not a loopback address: " + localAddress);
        }
        this.port = port;
    }

    public String address() {
        return local.getHostAddress();
    }

    /** Sends a whole request and reads the answer (status 0 when the connection failed). */
    public Answer send(String method, String path, Map<String, String> headers, String body) {
        try (Held held = hold(method, path, headers, body)) {
            return held.release();
        }
    }

    /** Sends the request's head (with the body's Content-Length) but not the body, until {@link Held#release()}. */
    public Held hold(String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            close(socket);
            throw new IllegalStateException("cannot send " + method + " " + path + " from " + address(), e);
        }
        return new Held(socket, method, path, bytes);
    }

    /** A request whose body has not been sent yet. */
    public static final class Held implements AutoCloseable {
        private final Socket socket;
        private final String method;
        private final String path;
        private final byte[] body;

        private Held(Socket socket, String method, String path, byte[] body) {
            this.socket = socket;
            this.method = method;
            this.path = path;
            this.body = body;
        }

        /** Sends the body and reads the answer. */
        public Answer release() {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(body);
                out.flush();
                return read(socket.getInputStream());
            } catch (IOException e) {
                return new Answer(method, path, 0, HttpHeaders.of(Map.of(), (a, b) -> true),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                RawClient.close(socket);
            }
        }

        private Answer read(InputStream in) throws IOException {
            String status = line(in);
            if (status == null) {
                throw new IOException("connection closed before an answer");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            byte[] content;
            if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.contains("chunked"))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                    all.write(in.readNBytes(size));
                    line(in);
                }
                content = all.toByteArray();
            } else if (headers.containsKey("content-length")) {
                content = in.readNBytes(Integer.parseInt(headers.get("content-length").get(0)));
            } else {
                content = in.readAllBytes();
            }
            Map<String, List<String>> plain = new LinkedHashMap<>(headers);
            return new Answer(method, path, code, HttpHeaders.of(plain, (a, b) -> true),
                    new String(content, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            RawClient.close(socket);
        }
    }

    private static int chunkSize(String line) {
        if (line == null) {
            return 0;
        }
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    /** A CRLF-terminated line as ISO-8859-1, without the line end; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] raw = bytes.toByteArray();
                int n = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
                return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed: nothing to release
        }
    }
}
