package cn.minzheng.systemtests.docs;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the docs runner reads Markdown and the shell of its blocks (no devstack needed). */
@Tag("docs")
@Order(0)
class DocExamplesReadTest {

    @Test
    void markersBeforeTheFenceDecideWhatRunsAndAnUnmarkedCurlIsFound() {
        String md = """
                text
                <!-- example -->
                ```bash
                curl -s $GW/x
                ```
                <!-- illustrative: a bench step -->
                ```bash
                curl -s $GW/y
                ```
                ```bash
                ./mvnw verify
                ```
                ```
                GET /api/v1/z
                ```
                ```bash
                X=1; curl $GW/w
                ```
                """;
        List<Markdown.Block> blocks = Markdown.blocks(md);
        assertThat(blocks).extracting(Markdown.Block::mark).containsExactly(Markdown.Mark.EXECUTABLE,
                Markdown.Mark.ILLUSTRATIVE, Markdown.Mark.NONE, Markdown.Mark.NONE, Markdown.Mark.NONE);
        assertThat(blocks).extracting(Markdown.Block::requestLooking).containsExactly(true, true, false, true, true);
        assertThat(blocks.get(1).note()).isEqualTo("a bench step");
        assertThat(blocks.get(0).line()).isEqualTo(3);
    }

    @Test
    void aCurlWithContinuationsQuotesArraysAndItsExpectationIsOneCommand() {
        String block = """
                H=(-H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json')
                curl -s -X POST $GW/a/$NO/b "${H[@]}" -H 'If-Match: "1"' \\
                  -d '{"x":"y",
                  "z":'$YEAR'}'   # → 201 ID=/id /status==OK
                curl $GW/c
                # → 404
                # a plain comment
                """;
        List<Shell.Command> commands = Shell.parse(block);
        assertThat(commands).hasSize(3);
        assertThat(commands.get(0).assignments.get(0).elements()).hasSize(4);
        Shell.Command post = commands.get(1);
        assertThat(post.line).isEqualTo(2);
        assertThat(post.comment).isEqualTo("→ 201 ID=/id /status==OK");
        assertThat(post.words.get(5)).isEqualTo(new Shell.Word(List.of(new Shell.AllOf("H"))));
        assertThat(post.words.get(9).parts()).containsExactly(new Shell.Literal("{\"x\":\"y\",\n  \"z\":"),
                new Shell.Variable("YEAR"), new Shell.Literal("}"));
        assertThat(commands.get(2).comment).isEqualTo("→ 404");
    }

    @Test
    void aPipeOutsideASubstitutionIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Shell.parse("X=1\ncurl $GW/a | jq .\n"))
                .isInstanceOfSatisfying(Shell.Unreadable.class, e -> assertThat(e.line).isEqualTo(2));
        assertThat(Shell.parse("T=$(curl -s $GW/t | jq -r .access_token)").get(0).assignments.get(0).value().parts())
                .containsExactly(new Shell.Substitution("curl -s $GW/t | jq -r .access_token"));
    }

    @Test
    void pathsAreMadeSafeForTheHttpClientWithoutTouchingWhatIsEncodedAlready() {
        assertThat(DocRunner.uriSafe("/a?name=协会&from=2026-01-01T00:00:00%2B08:00"))
                .isEqualTo("/a?name=%E5%8D%8F%E4%BC%9A&from=2026-01-01T00:00:00%2B08:00");
    }
}
