package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.problem.ProblemMessages;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words people read for a case's states, commands and refused rules, in Chinese and English,
 * from the service's problem bundles ({@code case-status.*}, {@code case-command.*}, {@code rule.*}).
 */
public final class CaseTexts {
    static final ProblemMessages BUNDLES = new ProblemMessages(List.of("problems"));

    private CaseTexts() {
    }

    public static String text(String key, Locale locale, List<Object> args) {
        return BUNDLES.find(key, locale, args).orElse(key);
    }

    public static String status(ApplicationStatus s, Locale locale) {
        return text("case-status." + s.name(), locale, List.of());
    }

    public static String command(ApplicationCommand c, Locale locale) {
        return text("case-command." + c.name(), locale, List.of());
    }

    /** What a person may do next from {@code from}: the commands of the table that a person (not the service) gives. */
    public static List<ApplicationCommand> nextSteps(ApplicationStatus from) {
        return ApplicationLifecycle.table().getOrDefault(from, java.util.Map.of()).keySet().stream()
                .filter(c -> !c.roles().equals(java.util.Set.of(Role.SYSTEM)))
                .sorted().toList();
    }

    /** The refusal of {@code command} in {@code from}, saying the state in words and what can be done instead. */
    public static String refusal(ApplicationStatus from, ApplicationCommand command, Locale locale) {
        List<ApplicationCommand> next = nextSteps(from);
        String sep = locale.getLanguage().equals("en") ? ", " : "、";
        String steps = next.stream().map(c -> command(c, locale)).collect(Collectors.joining(sep));
        String key = next.isEmpty() ? "case-refusal.final" : "case-refusal.next";
        String why = command == ApplicationCommand.PAY_FIRST && ApplicationLifecycle.table()
                .getOrDefault(from, java.util.Map.of()).containsKey(command)
                ? text("case-refusal.pay-first-urgent-only", locale, List.of()) : "";
        return text(key, locale, List.of(status(from, locale), command(command, locale), steps)) + why;
    }
}
