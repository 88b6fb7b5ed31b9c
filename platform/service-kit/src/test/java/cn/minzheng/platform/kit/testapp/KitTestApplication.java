package cn.minzheng.platform.kit.testapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** A tiny service that uses the kit the way a real one does: only auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
public class KitTestApplication {
}
