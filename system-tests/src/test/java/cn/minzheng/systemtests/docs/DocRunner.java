package cn.minzheng.systemtests.docs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Json;
import tools.jackson.databind.JsonNode;

/**
 * Runs the executable blocks of one Markdown file in document order against the devstack, the way a
 * reader would paste them into a shell: variables set by one block ({@code NO}, tokens) are seen by
 * the next. Each {@code curl} is one request; its expectation is the comment {@code # → 201 NO=/number
 * /status==ACCEPTED} on its last line or the line after it (status codes, then {@code NAME=/json-pointer}
 * captures and {@code /json-pointer==value} checks; no status given: any 2xx). The first request that
 * does not answer as written stops the file, with the file, the line, the request and the answer.
 */
final class DocRunner {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Pattern URL = Pattern.compile("^(?:https?://)?(?:localhost|127\\.0\\.0\\.1):(\\d+)(/.*)?$");
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})(?:\\|(\\d{3}))*$");
    private static final Pattern CAPTURE = Pattern.compile("^([A-Z][A-Z0-9_]*)=(/\\S*)$");
    private static final Pattern CHECK = Pattern.compile("^(/[^=\\s]*)==(\\S+)$");
    private static final Pattern TOKEN = Pattern.compile("token\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*(\\S*)");
    private static final Pattern PIPED = Pattern.compile("(?s)curl\\s.*\\|\\s*jq -r \\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ARITHMETIC = Pattern.compile("\\$?([A-Za-z_][A-Za-z0-9_]*)\\s*([+-])\\s*(\\d+)");

    /** A request that did not answer as written, or a block the runner cannot read. */
    static final class Failure extends AssertionError {
        Failure(String message) {
            super(message);
        }
    }

    private final String file;
    private final IntFunction<String> baseOfPort;
    private final Gateway issuer;
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final Map<String, List<String>> arrays = new LinkedHashMap<>();
    private int run;

    /** @param baseOfPort the base URL ({@code http://127.0.0.1:n}) the devstack uses for a documented port (8080, 9000, …) */
    DocRunner(String file, IntFunction<String> baseOfPort) {
        this.file = file;
        this.baseOfPort = baseOfPort;
        this.issuer = new Gateway(baseOfPort.apply(9000));
    }

    int requestsRun() {
        return run;
    }

    void run(Markdown.Block block) {
        List<Shell.Command> commands;
        try {
            commands = Shell.parse(block.text());
        } catch (Shell.Unreadable e) {
            throw fail(block, e.line, "the block cannot be read: " + e.getMessage());
        }
        for (Shell.Command command : commands) {
            try {
                execute(block, command);
            } catch (Shell.Unreadable e) {
                throw fail(block, command.line, e.getMessage());
            }
        }
    }

    private void execute(Markdown.Block block, Shell.Command command) {
        if (command.function != null) {
            if (!command.function.equals("token")) {
                throw new Shell.Unreadable(command.line, "only the function token() is known to the runner, not " + command.function + "()");
            }
            return;
        }
        for (Shell.Assignment a : command.assignments) {
            if (a.elements() != null) {
                List<String> values = new ArrayList<>();
                for (Shell.Word w : a.elements()) {
                    values.addAll(expand(w));
                }
                arrays.put(a.name(), values);
            } else {
                vars.put(a.name(), String.join(" ", expand(a.value())));
            }
        }
        if (command.words.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>();
        for (Shell.Word w : command.words) {
            words.addAll(expand(w));
        }
        if (!words.get(0).equals("curl")) {
            throw new Shell.Unreadable(command.line, "'" + words.get(0) + "' is not a request: an executable block holds curl"
                    + " commands and variable assignments only (put other commands in a block of their own)");
        }
        Answer answer = request(command, words);
        run++;
        if (answer.method().equals("GET")) {
            // the trail and the read models follow by events: a read is repeated (it changes nothing) until it
            // answers as written or 30 s have passed, as a reader would look again a moment later
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (!answersAsWritten(block, command, answer) && Instant.now().isBefore(until)) {
                pause(Duration.ofSeconds(1));
                answer = request(command, words);
            }
        }
        check(block, command, answer, lastBody);
    }

    private boolean answersAsWritten(Markdown.Block block, Shell.Command command, Answer answer) {
        Map<String, String> saved = new LinkedHashMap<>(vars);
        try {
            check(block, command, answer, lastBody);
            return true;
        } catch (Failure e) {
            return false;
        } finally {
            vars.clear();
            vars.putAll(saved);
        }
    }

    private String lastBody;

    private Answer request(Shell.Command command, List<String> words) {
        String method = null;
        String url = null;
        boolean getWithData = false;
        List<String> data = new ArrayList<>();
        List<String> urlEncoded = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int k = 1; k < words.size(); k++) {
            String w = words.get(k);
            switch (w) {
                case "-s", "-S", "-sS", "-i", "-si", "-is", "-f", "-L", "--silent", "--include", "--compressed", "--fail" -> { }
                case "-X", "--request" -> method = words.get(++k);
                case "-H", "--header" -> {
                    String h = words.get(++k);
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                }
                case "-d", "--data", "--data-raw", "--data-binary" -> {
                    String d = words.get(++k);
                    if (d.startsWith("@")) {
                        throw new Shell.Unreadable(command.line, "a body from a file (" + d + ") cannot run: write the body inline");
                    }
                    data.add(d);
                }
                case "--data-urlencode" -> urlEncoded.add(words.get(++k));
                case "-G", "--get" -> getWithData = true;
                case "-o", "--output" -> k++;
                default -> {
                    if (w.startsWith("-")) {
                        throw new Shell.Unreadable(command.line, "curl option " + w + " is not known to the runner");
                    }
                    if (url != null) {
                        throw new Shell.Unreadable(command.line, "two URLs: " + url + " and " + w);
                    }
                    url = w;
                }
            }
        }
        if (url == null) {
            throw new Shell.Unreadable(command.line, "curl without a URL");
        }
        Matcher target = URL.matcher(url);
        if (!target.matches()) {
            throw new Shell.Unreadable(command.line, "not a devstack URL (localhost or 127.0.0.1 with a port, or $GW): " + url);
        }
        String base = baseOfPort.apply(Integer.parseInt(target.group(1)));
        String path = target.group(2) == null ? "/" : target.group(2);
        List<String> query = new ArrayList<>();
        for (String u : urlEncoded) {
            int eq = u.indexOf('=');
            query.add(eq < 0 ? URLEncoder.encode(u, StandardCharsets.UTF_8)
                    : u.substring(0, eq) + "=" + URLEncoder.encode(u.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String body = null;
        if (getWithData) {
            query.addAll(data);
        } else if (!data.isEmpty() || !urlEncoded.isEmpty()) {
            List<String> all = new ArrayList<>(data);
            all.addAll(query);
            query.clear();
            body = String.join("&", all);
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        }
        if (!query.isEmpty()) {
            path = path + (path.contains("?") ? "&" : "?") + String.join("&", query);
        }
        if (method == null) {
            method = body != null ? "POST" : "GET";
        }
        Gateway.Call call = new Gateway(base).call(method, uriSafe(path));
        headers.forEach(call::header);
        if (body != null) {
            call.raw(null, body);
        }
        lastBody = body;
        // a cold or busy service may time out at the gateway (503/504): a reader would send again what is
        // safe to send again (a read, or a creation under its Idempotency-Key); a command is not resent
        boolean resendable = method.equals("GET") || headers.containsKey("Idempotency-Key");
        Answer answer = call.send();
        for (int attempt = 1; resendable && attempt <= 3 && (answer.status() == 503 || answer.status() == 504); attempt++) {
            pause(Duration.ofSeconds(2L * attempt));
            answer = call.send();
        }
        return answer;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void check(Markdown.Block block, Shell.Command command, Answer answer, String body) {
        String expectation = command.comment.contains("→") ? command.comment.substring(command.comment.indexOf('→') + 1).strip() : "";
        List<Integer> statuses = new ArrayList<>();
        Map<String, String> captures = new LinkedHashMap<>();
        Map<String, String> checks = new LinkedHashMap<>();
        String[] tokens = expectation.split("[\\s,;]+");
        for (int k = 0; k < tokens.length; k++) {
            String t = tokens[k];
            if (t.isEmpty()) {
                continue;
            }
            Matcher status = STATUS.matcher(t);
            if (k == 0 && status.matches()) {
                for (String code : t.split("\\|")) {
                    statuses.add(Integer.parseInt(code));
                }
                continue;
            }
            Matcher capture = CAPTURE.matcher(t);
            Matcher check = CHECK.matcher(t);
            if (capture.matches()) {
                captures.put(capture.group(1), capture.group(2));
            } else if (check.matches()) {
                checks.put(check.group(1), check.group(2));
            }
        }
        String request = "request: " + answer.method() + " " + answer.path() + (body == null ? "" : " " + shorten(body));
        boolean statusOk = statuses.isEmpty() ? answer.status() >= 200 && answer.status() < 300 : statuses.contains(answer.status());
        if (!statusOk) {
            throw fail(block, command.line, "expected " + (statuses.isEmpty() ? "2xx" : statuses) + ", the platform answered "
                    + answer.status() + "\n" + request + "\nanswer: " + answer);
        }
        JsonNode json = answer.json();
        for (Map.Entry<String, String> c : checks.entrySet()) {
            JsonNode value = json.at(c.getKey());
            String actual = value.isMissingNode() ? null : value.isValueNode() ? value.asString() : value.toString();
            String wanted = expandInComment(c.getValue());
            if (!wanted.equals(actual)) {
                throw fail(block, command.line, "expected " + c.getKey() + " to be " + wanted + ", it is " + actual
                        + "\n" + request + "\nanswer: " + answer);
            }
        }
        for (Map.Entry<String, String> c : captures.entrySet()) {
            JsonNode value = json.at(c.getValue());
            if (value.isMissingNode() || value.isNull() || value.isContainer()) {
                throw fail(block, command.line, "no value at " + c.getValue() + " to fill " + c.getKey() + "\n" + request
                        + "\nanswer: " + answer);
            }
            vars.put(c.getKey(), value.asString());
        }
    }

    /** A check's value may name a variable set earlier: {@code /number==$NO}. */
    private String expandInComment(String value) {
        Matcher m = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variable(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<String> expand(Shell.Word word) {
        List<String> out = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        boolean any = false;
        for (Shell.Part part : word.parts()) {
            if (part instanceof Shell.Literal l) {
                s.append(l.text());
            } else if (part instanceof Shell.Variable v) {
                s.append(variable(v.name()));
            } else if (part instanceof Shell.Arithmetic a) {
                s.append(arithmetic(a.expression()));
            } else if (part instanceof Shell.Substitution c) {
                s.append(substitute(c.command()));
            } else if (part instanceof Shell.AllOf a) {
                List<String> values = arrays.get(a.name());
                if (values == null) {
                    throw new Shell.Unreadable(0, "the array " + a.name() + " is not set by an earlier block");
                }
                out.addAll(values);
                any = true;
            }
        }
        if (!s.isEmpty() || !any) {
            out.add(s.toString());
        }
        return out;
    }

    private String variable(String name) {
        String value = vars.get(name);
        if (value == null && name.equals("GW")) {
            return "http://127.0.0.1:8080";
        }
        if (value == null) {
            throw new Shell.Unreadable(0, "$" + name + " is not set by an earlier step (capture it with '# → … " + name + "=/pointer')");
        }
        return value;
    }

    private String arithmetic(String expression) {
        Matcher m = ARITHMETIC.matcher(expression);
        if (!m.matches()) {
            throw new Shell.Unreadable(0, "$((" + expression + ")) is not supported (NAME + n or NAME - n)");
        }
        long left = Long.parseLong(variable(m.group(1)));
        long right = Long.parseLong(m.group(3));
        return Long.toString(m.group(2).equals("+") ? left + right : left - right);
    }

    /** The few commands a block may substitute: token (the issuer), a fresh UUID, today's date in China. */
    private String substitute(String written) {
        String command = expandInComment(written);
        Matcher token = TOKEN.matcher(command);
        if (token.matches()) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("sub", token.group(1));
            request.put("name", token.group(2));
            request.put("roles", List.of(token.group(3).split(",")));
            if (!token.group(4).isEmpty()) {
                request.put("region", token.group(4));
            }
            Answer answer = issuer.post("/token").json(Json.write(request)).send();
            if (answer.status() != 200 || answer.text("access_token") == null) {
                throw new Shell.Unreadable(0, "the issuer refused " + request + ": " + answer);
            }
            return answer.text("access_token");
        }
        Matcher piped = PIPED.matcher(command);
        if (piped.matches()) {
            List<Shell.Command> inner = Shell.parse(written.substring(0, written.lastIndexOf('|')));
            if (inner.size() != 1) {
                throw new Shell.Unreadable(0, "$(" + written + "): one curl command before | jq");
            }
            List<String> words = new ArrayList<>();
            for (Shell.Word w : inner.get(0).words) {
                words.addAll(expand(w));
            }
            Answer answer = request(inner.get(0), words);
            run++;
            JsonNode value = answer.json().path(piped.group(1));
            if (answer.status() < 200 || answer.status() > 299 || value.isMissingNode() || value.isNull()) {
                throw new Shell.Unreadable(0, "$(" + written + ") gave no ." + piped.group(1) + ": " + answer);
            }
            return value.asString();
        }
        return switch (command) {
            case "cat /proc/sys/kernel/random/uuid", "uuidgen" -> UUID.randomUUID().toString();
            case "date +%F" -> LocalDate.now(CHINA).toString();
            case "date +%Y" -> Integer.toString(LocalDate.now(CHINA).getYear());
            case "date +%Y-%m" -> YearMonth.now(CHINA).toString();
            default -> throw new Shell.Unreadable(0, "$(" + command + ") is not known to the runner (token …, uuidgen, date +%F, date +%Y, date +%Y-%m)");
        };
    }

    /** Percent-encodes what java.net.URI refuses (non-ASCII, spaces, quotes) and leaves the rest as written. */
    static String uriSafe(String path) {
        StringBuilder s = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x7e || c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
                    || c == '|' || c == '}') {
                s.append('%').append(String.format("%02X", c));
            } else {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    private Failure fail(Markdown.Block block, int lineInBlock, String message) {
        int line = block.firstContentLine() + Math.max(0, lineInBlock - 1);
        String[] lines = block.text().split("\n", -1);
        String shown = lineInBlock >= 1 && lineInBlock <= lines.length ? lines[lineInBlock - 1].strip() : "";
        return new Failure(file + ":" + line + ": " + message + (shown.isEmpty() ? "" : "\n  the line: " + shown));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
