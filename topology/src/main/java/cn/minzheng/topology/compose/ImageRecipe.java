package cn.minzheng.topology.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the project's {@code Dockerfile} gives every service image at run time: its
 * {@code JAVA_TOOL_OPTIONS}, the user it runs as, its working folder and its entry point. The run
 * starts each jar the same way.
 */
public record ImageRecipe(String javaToolOptions, int uid, String workdir, List<String> entrypoint) {

    private static final Pattern TOOL_OPTIONS = Pattern.compile("^ENV\\s+JAVA_TOOL_OPTIONS=\"([^\"]*)\"", Pattern.MULTILINE);
    private static final Pattern UID = Pattern.compile("--uid\\s+(\\d+)");
    private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT\\s+\\[(.*)]\\s*$", Pattern.MULTILINE);
    private static final Pattern WORKDIR = Pattern.compile("^WORKDIR\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    public static ImageRecipe read(Path dockerfile) {
        String text;
        try {
            text = Files.readString(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dockerfile, e);
        }
        // the run stage is what follows the last FROM
        String runStage = text.substring(text.lastIndexOf("\nFROM ") + 1);
        Matcher options = TOOL_OPTIONS.matcher(runStage);
        Matcher uid = UID.matcher(runStage);
        Matcher entrypoint = ENTRYPOINT.matcher(runStage);
        if (!options.find() || !uid.find() || !entrypoint.find()) {
            throw new IllegalArgumentException(dockerfile + ": expected ENV JAVA_TOOL_OPTIONS=\"…\", useradd --uid N and ENTRYPOINT [\"java\", …] in the run stage");
        }
        List<String> words = new ArrayList<>();
        for (String word : entrypoint.group(1).split(",")) {
            words.add(word.strip().replaceAll("^\"|\"$", ""));
        }
        String workdir = "/";
        Matcher w = WORKDIR.matcher(runStage);
        while (w.find()) {
            workdir = w.group(1);
        }
        return new ImageRecipe(options.group(1), Integer.parseInt(uid.group(1)), workdir, List.copyOf(words));
    }
}
