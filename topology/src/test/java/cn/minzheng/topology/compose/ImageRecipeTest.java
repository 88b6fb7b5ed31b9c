package cn.minzheng.topology.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The run starts each jar as the repository's Dockerfile does. */
class ImageRecipeTest {

    @Test
    void theRepositoryDockerfileGivesTheRunStagesOptionsUserWorkdirAndEntrypoint() {
        ImageRecipe recipe = ImageRecipe.read(Path.of("..", "Dockerfile"));
        assertThat(recipe.javaToolOptions()).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(recipe.uid()).isEqualTo(10001);
        assertThat(recipe.workdir()).isEqualTo("/app");
        assertThat(recipe.entrypoint()).containsExactly("java", "-jar", "/app/app.jar");
    }
}
