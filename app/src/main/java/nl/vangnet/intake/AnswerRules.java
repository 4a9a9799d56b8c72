package nl.vangnet.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation shared by the pages and the API, so both refuse the same input with the same
 * message. Every problem names its field and a message key; nothing is silently dropped.
 */
final class AnswerRules {

    static final int MAX_URLS = 20;
    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_URL_TEXT = 20_000;
    static final int MAX_MESSAGE = 4000;
    static final int MAX_CONTACT = 200;
    static final int MAX_OWN_WORDS = 4000;
    static final int MIN_PASSPHRASE = 8;
    static final int MAX_PASSPHRASE = 200;

    /** Markup such as {@code <script>}, {@code </b>} or {@code <!--}: never needed in a message to a helper. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");

    private AnswerRules() {}

    /** One thing wrong with the input. */
    record Problem(String field, String code, List<Object> arguments) {
        Problem {
            arguments = List.copyOf(arguments);
        }

        static Problem of(String field, String code, Object... arguments) {
            return new Problem(field, code, List.of(arguments));
        }

        String messageKey() {
            return "intake.problem." + code;
        }
    }

    /** Checks coded values for one question: known options only, one value for single-choice questions. */
    static List<Problem> options(Question question, List<String> values) {
        List<Problem> problems = new ArrayList<>();
        for (String value : values) {
            if (!question.options().contains(value)) {
                problems.add(Problem.of(question.slug(), "unknown-option", question.slug()));
                break;
            }
        }
        if (!question.multiple() && values.size() > 1) {
            problems.add(Problem.of(question.slug(), "one-option", question.slug()));
        }
        if (question == Question.TOLD && values.contains("nobody") && values.size() > 1) {
            problems.add(Problem.of(question.slug(), "told-nobody-and-others"));
        }
        if (question == Question.DEMAND && values.contains("nothing") && values.size() > 1) {
            problems.add(Problem.of(question.slug(), "demand-nothing-and-others"));
        }
        return problems;
    }

    /** A web address typed without a scheme, such as {@code www.example.org/post/1} or {@code example.org}. */
    private static final Pattern WITHOUT_SCHEME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,63}(:[0-9]{1,5})?([/?#]\\S*)?");

    /**
     * An address as people type it, made into the form the rest of the system uses: surrounding
     * spaces removed, {@code https://} added when no scheme was typed (people copy
     * {@code www.example.org/...} from the address bar or a message), and the scheme and host in
     * lower case. Anything that still is not a web address is returned unchanged, so the check
     * that follows names exactly what was typed.
     */
    static String normaliseUrl(String typed) {
        String url = typed.strip();
        if (!url.contains("://") && WITHOUT_SCHEME.matcher(url).matches()) {
            url = "https://" + url;
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd > 0) {
            int hostEnd = url.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int at = url.indexOf(c, schemeEnd + 3);
                if (at >= 0 && at < hostEnd) {
                    hostEnd = at;
                }
            }
            url = url.substring(0, hostEnd).toLowerCase(Locale.ROOT) + url.substring(hostEnd);
        }
        return url;
    }

    /**
     * Reads web addresses, one per line: each must be an http or https address, or one typed
     * without a scheme ({@code www.example.org/...}), which gets {@code https://}. Returns the
     * normalised list without duplicates; every address that is not one is a problem.
     */
    static List<String> urls(String text, List<Problem> problems) {
        List<String> urls = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return urls;
        }
        if (text.length() > MAX_URL_TEXT) {
            problems.add(Problem.of("urls", "urls-too-long", MAX_URL_TEXT));
            return urls;
        }
        String[] parts = java.util.Arrays.stream(text.strip().split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toArray(String[]::new);
        if (parts.length > MAX_URLS) {
            problems.add(Problem.of("urls", "urls-too-many", MAX_URLS));
            return urls;
        }
        for (int i = 0; i < parts.length; i++) {
            String url = normaliseUrl(parts[i]);
            if (!validUrl(url)) {
                problems.add(Problem.of("urls", "url-invalid", i + 1, abbreviate(parts[i])));
            } else if (!urls.contains(url)) {
                urls.add(url);
            }
        }
        return urls;
    }

    static boolean validUrl(String url) {
        if (url.length() > MAX_URL_LENGTH || hasControl(url, false) || url.contains("<") || url.contains(">")) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            return (scheme.equals("http") || scheme.equals("https"))
                    && host != null
                    && host.contains(".")
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A text someone typed: not too long, no control characters, no markup. */
    static void text(String field, String value, int max, boolean multiline, List<Problem> problems) {
        if (value.length() > max) {
            problems.add(Problem.of(field, "text-too-long", max));
        }
        if (hasControl(value, multiline)) {
            problems.add(Problem.of(field, "text-control"));
        }
        if (MARKUP.matcher(value).find()) {
            problems.add(Problem.of(field, "text-markup"));
        }
    }

    static void passphrase(String value, List<Problem> problems) {
        if (value.isEmpty()) {
            return;
        }
        if (value.length() < MIN_PASSPHRASE || value.length() > MAX_PASSPHRASE) {
            problems.add(Problem.of("passphrase", "passphrase-length", MIN_PASSPHRASE, MAX_PASSPHRASE));
        }
        if (hasControl(value, false)) {
            problems.add(Problem.of("passphrase", "text-control"));
        }
    }

    private static boolean hasControl(String value, boolean multiline) {
        return value.chars()
                .anyMatch(c -> (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
                        || c == '\u2028'
                        || c == '\u2029'
                        || (c >= '\u202A' && c <= '\u202E')
                        || (c >= '\u2066' && c <= '\u2069'));
    }

    private static String abbreviate(String value) {
        String safe = value.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 60 ? safe.substring(0, 57) + "..." : safe;
    }
}
