package nl.vangnet.takedown;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vangnet.shared.Languages;
import nl.vangnet.taxonomy.FormCode;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the text of a notice from its template, in the host's language, with the elements article
 * 16(2) DSA asks for: (a) why the content is illegal — the taxonomy code's definition and related
 * articles of the Dutch Criminal Code, plus any explanation staff added; (b) the exact URLs; (c)
 * the notifier's name and e-mail address, left out only where the law allows it (child sexual
 * abuse material, Directive 2011/93/EU arts. 3–7); (d) the good-faith statement.
 */
@Component
class NoticeComposer {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** A composed notice. */
    record Composed(String subject, String body) {}

    /** One URL of a notice, decrypted for writing it. */
    record Item(
            TakedownRequest request,
            String url,
            String displayUrl,
            @Nullable String explanation) {}

    private final Taxonomies taxonomies;
    private final MessageSource messages;
    private final TakedownProperties properties;
    private final Clock clock;

    NoticeComposer(Taxonomies taxonomies, MessageSource messages, TakedownProperties properties, Clock clock) {
        this.taxonomies = taxonomies;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether a notice about these URLs may leave the notifier's name and e-mail out. */
    static boolean anonymityAllowed(List<TakedownRequest> requests) {
        return !requests.isEmpty()
                && requests.stream().allMatch(r -> r.minor() || r.formCode().equals("CSAM-REP"));
    }

    Composed compose(
            NoticeTemplates.Template template,
            List<Item> items,
            String host,
            @Nullable String recipientName,
            String reference,
            boolean anonymous,
            @Nullable Notice original,
            List<Takedowns.StatusChange> history) {
        Locale locale = "nl".equals(template.language()) ? Languages.DUTCH : Languages.ENGLISH;
        Map<String, String> values = new HashMap<>();
        values.put("recipient", recipientName == null || recipientName.isBlank() ? host : recipientName);
        values.put("host", host);
        // The hosting party as identified for the URLs (for an escalation it is not the recipient).
        String provider =
                items.isEmpty() ? null : items.getFirst().request().contact().provider();
        values.put(
                "provider",
                provider == null || provider.isBlank()
                        ? text("takedown.notice.text.provider-unknown", locale)
                        : provider);
        values.put("reference", reference);
        values.put("date", date(clock.instant(), locale));
        values.put("deadline", String.valueOf(properties.target().toHours()));
        values.put("urls", urls(items, locale));
        values.put("explanation", explanation(items, locale));
        values.put(
                "notifier",
                anonymous
                        ? text("takedown.notice.text.anonymous", locale)
                        : text(
                                "takedown.notice.text.notifier",
                                locale,
                                properties.notifier().name(),
                                properties.notifier().email()));
        values.put("goodFaith", text("takedown.notice.text.good-faith", locale));
        values.put(
                "originalDate", original == null || original.sentAt() == null ? "" : date(original.sentAt(), locale));
        values.put("originalReference", original == null ? "" : original.reference());
        values.put("history", history(history, locale));
        String subject = NoticeTemplates.render(template.subject(), values).replaceAll("[\\r\\n]+", " ");
        return new Composed(subject, NoticeTemplates.render(template.body(), values));
    }

    private String urls(List<Item> items, Locale locale) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Item item : items) {
            out.append(n++).append(". ").append(item.url()).append('\n');
            if (!item.displayUrl().equals(item.url())) {
                out.append("   ")
                        .append(text("takedown.notice.text.unicode", locale, item.displayUrl()))
                        .append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private String explanation(List<Item> items, Locale locale) {
        Map<String, TakedownRequest> byCode = new LinkedHashMap<>();
        boolean minor = false;
        for (Item item : items) {
            byCode.putIfAbsent(
                    item.request().taxonomyVersion() + "/" + item.request().formCode(), item.request());
            minor |= item.request().minor();
        }
        List<String> parts = new ArrayList<>();
        for (TakedownRequest request : byCode.values()) {
            TaxonomyVersion version =
                    taxonomies.version(request.taxonomyVersion()).orElse(taxonomies.current());
            FormCode code = version.code(request.formCode()).orElse(null);
            if (code == null) {
                continue;
            }
            StringBuilder part = new StringBuilder();
            part.append(code.label().in(locale))
                    .append(" (")
                    .append(code.code())
                    .append(")\n");
            part.append(code.definition().in(locale));
            if (!code.relatedArticles().isEmpty()) {
                part.append('\n')
                        .append(text("takedown.notice.text.articles", locale))
                        .append(": ")
                        .append(String.join("; ", code.relatedArticles()));
            }
            parts.add(part.toString());
        }
        if (minor) {
            parts.add(text("takedown.notice.text.minor", locale));
        } else {
            parts.add(text("takedown.notice.text.consent", locale));
        }
        int n = 1;
        for (Item item : items) {
            if (item.explanation() != null && !item.explanation().isBlank()) {
                parts.add(text(
                        "takedown.notice.text.extra",
                        locale,
                        n,
                        item.explanation().strip()));
            }
            n++;
        }
        return String.join("\n\n", parts);
    }

    private String history(List<Takedowns.StatusChange> history, Locale locale) {
        DateTimeFormatter format =
                DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).withZone(ZONE);
        StringBuilder out = new StringBuilder();
        for (Takedowns.StatusChange change : history) {
            out.append("- ")
                    .append(format.format(change.at()))
                    .append(": ")
                    .append(text("takedown.status." + change.status(), locale))
                    .append('\n');
        }
        return out.toString().stripTrailing();
    }

    static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(ZONE).format(instant);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
