package cn.minzheng.bench.devstack;

/** Where the devstack listens (docs/contracts.md ports on loopback by default). */
public record Endpoints(String gateway, String assistance, String org, String audit, String issuer, String kafka) {

    public static Endpoints defaults() {
        return new Endpoints("http://127.0.0.1:8080", "http://127.0.0.1:8081", "http://127.0.0.1:8082",
                "http://127.0.0.1:8083", "http://127.0.0.1:9000", "127.0.0.1:9092");
    }
}
