package cn.minzheng.assistance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 社会救助: online application to payment and re-check. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AssistanceServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(AssistanceServiceApplication.class, args);
    }
}
