package cn.minzheng.platform.kit.openapi;

import cn.minzheng.platform.kit.security.KitSecurityProperties;
import cn.minzheng.platform.kit.security.ResourceServerAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The platform's reading of every service's OpenAPI document (issue 16 item 5), when the service has
 * springdoc: {@link PlatformOperationCustomizer} per handler, {@link PlatformOpenApiCustomizer} over the
 * document, {@link RecordComponentsRequired} for the schemas. Configured with {@code minzheng.openapi.*}
 * ({@link OpenApiProperties}); public operations are those under {@code minzheng.security.public-paths}.
 */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiAutoConfiguration {

    @Bean
    PlatformOperationCustomizer minzhengOperationCustomizer(OpenApiProperties properties, Environment environment) {
        return new PlatformOperationCustomizer(resolved(properties, environment));
    }

    @Bean
    PlatformOpenApiCustomizer minzhengOpenApiCustomizer(OpenApiProperties properties, Environment environment,
                                                        ObjectProvider<KitSecurityProperties> security) {
        KitSecurityProperties kit = security.getIfAvailable();
        List<String> publicPaths = new ArrayList<>(kit == null ? List.of() : kit.publicPaths());
        return new PlatformOpenApiCustomizer(resolved(properties, environment), publicPaths);
    }

    @Bean
    RecordComponentsRequired minzhengRecordComponentsRequired() {
        return new RecordComponentsRequired();
    }

    private static OpenApiProperties resolved(OpenApiProperties properties, Environment environment) {
        return properties.forApplication(environment.getProperty("spring.application.name"));
    }
}
