package cn.minzheng.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The only public entry: routes {@code /api/v1/**} to the services, after checking who is calling. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** The time windows are measured on (invalid-token limit, security-event windows, key-set cool-down); tests set their own. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
