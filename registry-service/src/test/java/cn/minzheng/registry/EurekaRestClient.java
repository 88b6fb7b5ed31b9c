package cn.minzheng.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Speaks the Eureka REST protocol the way a client does, so the tests see what a real service sees. */
final class EurekaRestClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    EurekaRestClient(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> register(String app, String instanceId, int port) {
        String body = """
                {"instance":{
                  "instanceId":"%2$s","hostName":"127.0.0.1","app":"%1$s","ipAddr":"127.0.0.1",
                  "status":"UP","port":{"$":%3$d,"@enabled":"true"},
                  "securePort":{"$":443,"@enabled":"false"},
                  "vipAddress":"%1$s","secureVipAddress":"%1$s",
                  "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"},
                  "leaseInfo":{"renewalIntervalInSecs":5,"durationInSecs":15}
                }}""".formatted(app, instanceId, port);
        return send(request("/eureka/apps/" + app)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> application(String app) {
        return send(request("/eureka/apps/" + app).header("Accept", "application/json").GET());
    }

    HttpResponse<String> cancel(String app, String instanceId) {
        return send(request("/eureka/apps/" + app + "/" + instanceId).DELETE());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
