package cn.minzheng.platform.kit.problem;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Localized problem texts. Looks a key up in the service's bundles first (default basename
 * {@code problems}, i.e. {@code problems_zh.properties} / {@code problems_en.properties} at the root
 * of the service's classpath), then in the kit's own bundle. Chinese is the default; English
 * only when the client asks for it.
 *
 * <p>Keys: {@code <code>.title}, {@code <code>.detail} (MessageFormat with the problem's args),
 * {@code field.<code>} for field errors, {@code status.<status>} as a title of last resort.
 */
public final class ProblemMessages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String KIT_BUNDLE = "cn/minzheng/platform/kit/problem/problems";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<String> basenames;

    /** {@code serviceBasenames} are searched before the kit's bundle; missing ones are skipped. */
    public ProblemMessages(List<String> serviceBasenames) {
        var all = new ArrayList<String>(serviceBasenames == null ? List.of() : serviceBasenames);
        all.add(KIT_BUNDLE);
        this.basenames = List.copyOf(all);
    }

    /**
     * Picks the response language from an {@code Accept-Language} header: English when English is
     * preferred over Chinese, otherwise Chinese (also for a missing or unparsable header).
     */
    public static Locale chooseLocale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
                if (tag.startsWith("zh") || tag.equals("*")) {
                    return CHINESE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
        return CHINESE;
    }

    public String title(ProblemException problem, Locale locale) {
        return find(problem.code() + ".title", locale, problem.args())
                .or(() -> find("status." + problem.status(), locale, List.of()))
                .orElse(problem.code());
    }

    public String detail(ProblemException problem, Locale locale) {
        return find(problem.code() + ".detail", locale, problem.args()).orElse(problem.getMessage());
    }

    public String fieldMessage(FieldProblem field, Locale locale) {
        return find("field." + field.code(), locale, field.args())
                .orElse(field.defaultMessage() != null ? field.defaultMessage() : field.code());
    }

    /** The formatted message for {@code key}, from the first bundle that has it. */
    public Optional<String> find(String key, Locale locale, List<Object> args) {
        Locale effective = ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE;
        for (String basename : basenames) {
            ResourceBundle bundle = bundle(basename, effective);
            if (bundle != null && bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                if (args.isEmpty()) {
                    return Optional.of(pattern);
                }
                return Optional.of(new MessageFormat(pattern, effective).format(args.toArray()));
            }
        }
        return Optional.empty();
    }

    private static ResourceBundle bundle(String basename, Locale locale) {
        try {
            return ResourceBundle.getBundle(basename, locale, ProblemMessages.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException absent) {
            return null;
        }
    }
}
