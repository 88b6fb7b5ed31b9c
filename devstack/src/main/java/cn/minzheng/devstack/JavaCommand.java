package cn.minzheng.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Command lines for child JVMs: a main class from the devstack's own classpath (the embedded
 * infrastructure), or a Spring Boot fat jar ({@code java -jar}).
 */
final class JavaCommand {

    /** Spring Boot's launcher that runs any main class ({@code loader.main}) from a repackaged jar. */
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaCommand() {
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The classpath this JVM was started with, absolute. */
    static String ownClasspath() {
        return absolute(System.getProperty("java.class.path"));
    }

    /**
     * Runs {@code mainClass} with {@code classpath} — this JVM's own, or a copy of the devstack jar
     * when started with {@code java -jar} ({@code fatJar}). Whether it is a fat jar is known from
     * the launcher's own jar: the copy may not exist yet when the command is built.
     */
    static List<String> mainClass(String mainClass, String classpath, boolean fatJar, List<String> jvmFlags,
                                  List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath);
        if (fatJar) {
            // started as `java -jar devstack.jar`: the libraries are nested inside the jar
            command.add("-Dloader.main=" + mainClass);
            command.add(PROPERTIES_LAUNCHER);
        } else {
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    /** Children run in another working directory: relative entries (from {@code java -jar x.jar}) must not break. */
    static String absolute(String classpath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    static List<String> jar(Path jar, List<String> jvmFlags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    static boolean isBootFatJar(String classpath) {
        if (classpath.contains(java.io.File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
