package nl.vangnet.takedown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice templates: one per kind and language, edited by staff and stored in the database; a
 * kind and language nobody edited uses the default from {@code takedown/templates/}. A template
 * must keep the placeholders that carry the elements article 16 DSA requires, so an edit cannot
 * silently drop, say, the good-faith statement.
 */
@Repository
class NoticeTemplates {

    /** The kinds of notice. */
    enum Kind {
        NOTICE,
        REMINDER,
        ESCALATION
    }

    static final List<String> LANGUAGES = List.of("nl", "en");
    static final int MAX_BODY = 20_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    /** Every placeholder a template may use. */
    static final Set<String> KNOWN = Set.of(
            "recipient",
            "host",
            "provider",
            "reference",
            "date",
            "urls",
            "explanation",
            "notifier",
            "goodFaith",
            "deadline",
            "originalDate",
            "originalReference",
            "history");

    private static final Map<Kind, List<String>> REQUIRED = Map.of(
            Kind.NOTICE, List.of("urls", "explanation", "notifier", "goodFaith"),
            Kind.REMINDER, List.of("urls", "explanation", "notifier", "goodFaith"),
            Kind.ESCALATION, List.of("urls", "explanation", "host"));

    /** A template as used. */
    record Template(
            Kind kind,
            String language,
            String subject,
            String body,
            boolean edited,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    NoticeTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    Template get(Kind kind, String language) {
        String lang = LANGUAGES.contains(language) ? language : "en";
        Optional<Template> stored = jdbc.sql("SELECT * FROM takedown.notice_template WHERE kind = :k AND language = :l")
                .param("k", kind.name())
                .param("l", lang)
                .query((rs, row) -> new Template(
                        kind,
                        lang,
                        rs.getString("subject"),
                        rs.getString("body"),
                        true,
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .optional();
        return stored.orElseGet(() -> shipped(kind, lang));
    }

    List<Template> all() {
        List<Template> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (String language : LANGUAGES) {
                out.add(get(kind, language));
            }
        }
        return out;
    }

    static Template shipped(Kind kind, String language) {
        String name = "takedown/templates/" + kind.name().toLowerCase(Locale.ROOT) + "_" + language + ".txt";
        String text;
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The default notice template " + name + " is missing", e);
        }
        int newline = text.indexOf('\n');
        String first = text.substring(0, newline);
        if (!first.startsWith("Subject: ")) {
            throw new IllegalStateException("The default notice template " + name + " has no Subject line");
        }
        return new Template(
                kind,
                language,
                first.substring("Subject: ".length()).strip(),
                text.substring(newline + 1).strip(),
                false,
                null,
                null);
    }

    /** Every problem with a template text; empty when it can be saved. */
    static List<String> problems(Kind kind, String subject, String body) {
        List<String> problems = new ArrayList<>();
        if (subject.isBlank() || subject.length() > 200 || subject.contains("\n") || subject.contains("\r")) {
            problems.add("takedown.template.problem.subject");
        }
        if (body.isBlank() || body.length() > MAX_BODY) {
            problems.add("takedown.template.problem.body");
        }
        Set<String> used = placeholders(subject + "\n" + body);
        if (!KNOWN.containsAll(used)) {
            problems.add("takedown.template.problem.unknown-placeholder");
        }
        for (String required : REQUIRED.get(kind)) {
            if (!used.contains(required)) {
                problems.add("takedown.template.problem.missing." + required);
            }
        }
        return problems;
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static List<String> required(Kind kind) {
        return REQUIRED.get(kind);
    }

    /** Staff input that cannot be saved. */
    static final class TemplateProblem extends RuntimeException {
        private final List<String> messageKeys;

        TemplateProblem(List<String> messageKeys) {
            super(String.join(",", messageKeys), null, false, false);
            this.messageKeys = List.copyOf(messageKeys);
        }

        List<String> messageKeys() {
            return messageKeys;
        }
    }

    @Transactional
    void save(Kind kind, String language, String subject, String body, String actor) {
        String normalizedBody = body.replace("\r\n", "\n").strip();
        String normalizedSubject = subject.strip();
        List<String> problems = problems(kind, normalizedSubject, normalizedBody);
        if (!LANGUAGES.contains(language)) {
            problems.add("takedown.template.problem.language");
        }
        if (!problems.isEmpty()) {
            throw new TemplateProblem(problems);
        }
        jdbc.sql("""
                        INSERT INTO takedown.notice_template (kind, language, subject, body, updated_at, updated_by)
                        VALUES (:k, :l, :s, :b, :at, :by)
                        ON CONFLICT (kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("k", kind.name())
                .param("l", language)
                .param("s", normalizedSubject)
                .param("b", normalizedBody)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", actor)
                .update();
        audit.record(actor, AuditAction.TAKEDOWN_TEMPLATE_SAVED, "takedown-template", kind + "/" + language);
    }

    @Transactional
    void reset(Kind kind, String language, String actor) {
        jdbc.sql("DELETE FROM takedown.notice_template WHERE kind = :k AND language = :l")
                .param("k", kind.name())
                .param("l", language)
                .update();
        audit.record(
                actor,
                AuditAction.TAKEDOWN_TEMPLATE_SAVED,
                "takedown-template",
                kind + "/" + language,
                "reset",
                Map.of());
    }

    /** Fills the placeholders; unknown ones cannot occur because saving refuses them. */
    static String render(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
