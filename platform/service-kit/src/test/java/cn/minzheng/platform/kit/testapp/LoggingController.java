package cn.minzheng.platform.kit.testapp;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Logs what a careless handler would: personal data in the message, after a thread hop. */
@RestController
public class LoggingController {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingController.class);

    @GetMapping("/test/log")
    Mono<String> log(@RequestParam String marker, @RequestParam String idNumber, @RequestParam String phone) {
        return Mono.delay(Duration.ofMillis(10))
                .doOnNext(tick -> LOG.info("{} applicant {} reachable at {}", marker, idNumber, phone))
                .thenReturn("logged");
    }
}
