package cn.minzheng.org;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** org-service: social organizations — registration, annual inspection, credit lists, spot checks. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrgServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrgServiceApplication.class, args);
    }
}
