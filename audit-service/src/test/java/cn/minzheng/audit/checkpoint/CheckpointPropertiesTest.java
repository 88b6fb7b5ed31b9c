package cn.minzheng.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables docs/operations.md (key rotation) tells operators to set. */
class CheckpointPropertiesTest {

    private static CheckpointProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        // named like the real one: Boot maps MY_VAR names only for the system-environment source
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return Binder.get(environment).bindOrCreate("minzheng.audit.checkpoint", CheckpointProperties.class);
    }

    @Test
    void retiredKeysComeFromOneCommaSeparatedVariable() {
        CheckpointProperties p = bind(Map.of(
                "MINZHENG_AUDIT_CHECKPOINT_KEYFILE", "/run/secrets/new.pem",
                "MINZHENG_AUDIT_CHECKPOINT_RETIREDPUBLICKEYS", "/run/secrets/a.pem,/run/secrets/b.pem"));
        assertThat(p.keyFile()).isEqualTo(Path.of("/run/secrets/new.pem"));
        assertThat(p.retiredPublicKeys()).containsExactly(Path.of("/run/secrets/a.pem"), Path.of("/run/secrets/b.pem"));
    }

    @Test
    void noRetiredKeysByDefault() {
        assertThat(bind(Map.of()).retiredPublicKeys()).isEqualTo(List.of());
    }
}
