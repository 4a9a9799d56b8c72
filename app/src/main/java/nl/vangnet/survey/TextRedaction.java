package nl.vangnet.survey;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes contact details out of free-text answers before they leave in an export: e-mail
 * addresses, web links, phone numbers, social-media handles and Dutch postcodes become a fixed
 * marker ({@code [REMOVED:email]} and so on, listed in the codebook). Respondents are often
 * minors who type such details without thinking; an export file travels further than the
 * database. Names and other identifying descriptions cannot be found by pattern and remain the
 * researcher's to review.
 */
final class TextRedaction {

    private TextRedaction() {}

    /** One kind of detail, in the order it is looked for (links before handles and numbers). */
    private record Rule(String marker, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "[REMOVED:email]",
                    Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+")),
            new Rule(
                    "[REMOVED:link]",
                    Pattern.compile(
                            "(?i)(?:https?://|www\\.)\\S+|\\b[\\p{L}\\p{N}-]+\\.(?:nl|com|be|org|net|eu|io|me|tv)(?:/\\S*)?\\b")),
            new Rule("[REMOVED:handle]", Pattern.compile("(?<![\\p{L}\\p{N}.])@[\\p{L}\\p{N}_.]{2,30}")),
            new Rule("[REMOVED:phone]", Pattern.compile("(?<!\\d)(?:\\+|00)?\\d(?:[\\s\\-().]{0,3}\\d){8,14}(?!\\d)")),
            new Rule("[REMOVED:postcode]", Pattern.compile("\\b[1-9]\\d{3}\\s?[A-Z]{2}\\b")));

    /** The text with its contact details replaced, and how many were replaced. */
    record Result(String text, int removed) {}

    static Result redact(String text) {
        String out = text;
        int removed = 0;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder replaced = new StringBuilder();
            while (m.find()) {
                removed++;
                m.appendReplacement(replaced, Matcher.quoteReplacement(rule.marker()));
            }
            m.appendTail(replaced);
            out = replaced.toString();
        }
        return new Result(out, removed);
    }

    /** The markers, for the codebook. */
    static List<String> markers() {
        return RULES.stream().map(Rule::marker).toList();
    }
}
