package cn.minzheng.assistance.application;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The actor's role may not give this command: a 403 problem. */
public class RoleNotAllowedException extends RuntimeException {
    private final Role role;
    private final ApplicationCommand command;

    public RoleNotAllowedException(Role role, ApplicationCommand command) {
        super("role " + role + " may not " + command);
        this.role = role;
        this.command = command;
    }

    /** Who may not do what, and which roles may. */
    public String text(Locale locale) {
        String sep = locale.getLanguage().equals("en") ? ", " : "、";
        String who = command.roles().stream().filter(r -> r != Role.SYSTEM || command.roles().size() == 1).sorted()
                .map(r -> CaseTexts.text("role." + r.name(), locale, List.of())).collect(Collectors.joining(sep));
        return CaseTexts.text("role-refusal", locale, List.of(CaseTexts.text("role." + role.name(), locale, List.of()),
                CaseTexts.command(command, locale), who));
    }
}
