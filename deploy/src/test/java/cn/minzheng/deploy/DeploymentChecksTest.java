package cn.minzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.minzheng.deploy.DeploymentChecks.Check;

/**
 * Each check of {@link DeploymentChecks} finds nothing wrong in the repository's deployment and finds
 * its defect in the deployment as it was before issue 13 (src/test/resources/before-issue-13): a
 * check that passed on both would prove nothing.
 */
class DeploymentChecksTest {

    static Deployment repository;
    static Deployment beforeIssue13;

    @BeforeAll
    static void read() {
        repository = Deployment.ofRepository();
        beforeIssue13 = Deployment.beforeIssue13();
    }

    static List<Check> checks() {
        return DeploymentChecks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void theRepositoryPasses(Check check) {
        assertThat(check.violations().apply(repository)).as(check.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void theDeploymentBeforeIssue13Fails(Check check) {
        assertThat(check.violations().apply(beforeIssue13))
                .as("%s must catch: %s", check.name(), check.defect())
                .isNotEmpty();
    }
}
