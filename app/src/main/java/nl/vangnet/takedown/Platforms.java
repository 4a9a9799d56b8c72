package nl.vangnet.takedown;

import java.net.IDN;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The directory of platform reporting channels: read for every host identification, edited by staff. */
@Repository
class Platforms {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Platforms(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What staff typed for a directory entry. */
    record PlatformForm(
            String name,
            String domains,
            String country,
            String language,
            String trustedFlaggerEmail,
            String abuseEmail,
            String webFormUrl,
            String note,
            boolean active) {

        PlatformForm {
            name = strip(name);
            domains = strip(domains);
            country = strip(country).toUpperCase(Locale.ROOT);
            language = "en".equals(language) ? "en" : "nl";
            trustedFlaggerEmail = strip(trustedFlaggerEmail);
            abuseEmail = strip(abuseEmail);
            webFormUrl = strip(webFormUrl);
            note = strip(note);
        }

        static PlatformForm of(Platform p) {
            return new PlatformForm(
                    p.name(),
                    String.join("\n", p.domains()),
                    p.country() == null ? "" : p.country(),
                    p.language(),
                    nz(p.trustedFlaggerEmail()),
                    nz(p.abuseEmail()),
                    nz(p.webFormUrl()),
                    nz(p.note()),
                    p.active());
        }

        private static String nz(@Nullable String s) {
            return s == null ? "" : s;
        }

        private static String strip(@Nullable String s) {
            return s == null ? "" : s.strip();
        }

        /** The domains in ASCII, one per line or separated by commas or spaces. */
        List<String> domainList() {
            Set<String> out = new LinkedHashSet<>();
            for (String d : domains.split("[\\s,]+")) {
                String domain = d.strip().toLowerCase(Locale.ROOT);
                if (domain.startsWith("*.")) {
                    domain = domain.substring(2);
                }
                if (domain.endsWith(".")) {
                    domain = domain.substring(0, domain.length() - 1);
                }
                if (!domain.isEmpty()) {
                    try {
                        out.add(IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        out.add("\u0000invalid");
                    }
                }
            }
            return List.copyOf(out);
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (name.isEmpty() || name.length() > 120) {
                problems.add("takedown.platform.problem.name");
            }
            List<String> list = domainList();
            if (list.isEmpty()
                    || list.size() > 50
                    || list.stream()
                            .anyMatch(d -> !d.matches("[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9_])?") || !d.contains("."))) {
                problems.add("takedown.platform.problem.domains");
            }
            if (!country.isEmpty() && !ContactAddress.isCountry(country)) {
                problems.add("takedown.platform.problem.country");
            }
            if (!trustedFlaggerEmail.isEmpty() && !ContactAddress.isEmail(trustedFlaggerEmail)) {
                problems.add("takedown.platform.problem.trusted-flagger");
            }
            if (!abuseEmail.isEmpty() && !ContactAddress.isEmail(abuseEmail)) {
                problems.add("takedown.platform.problem.abuse-email");
            }
            if (!webFormUrl.isEmpty() && !ContactAddress.isWebForm(webFormUrl)) {
                problems.add("takedown.platform.problem.web-form");
            }
            if (trustedFlaggerEmail.isEmpty() && abuseEmail.isEmpty() && webFormUrl.isEmpty()) {
                problems.add("takedown.platform.problem.no-channel");
            }
            if (note.length() > 1000) {
                problems.add("takedown.platform.problem.note");
            }
            return problems;
        }
    }

    /** Staff input that cannot be saved, with every reason. */
    static final class PlatformProblem extends RuntimeException {
        private final List<String> messageKeys;

        PlatformProblem(List<String> messageKeys) {
            super(String.join(",", messageKeys), null, false, false);
            this.messageKeys = List.copyOf(messageKeys);
        }

        List<String> messageKeys() {
            return messageKeys;
        }
    }

    List<Platform> all() {
        return jdbc.sql("SELECT * FROM takedown.platform ORDER BY lower(name)")
                .query(Platforms::platform)
                .list();
    }

    Optional<Platform> find(UUID id) {
        return jdbc.sql("SELECT * FROM takedown.platform WHERE id = :id")
                .param("id", id)
                .query(Platforms::platform)
                .optional();
    }

    /** The active entry that covers a host most specifically. */
    Optional<Platform> covering(String asciiHost) {
        return all().stream()
                .filter(Platform::active)
                .filter(p -> p.covers(asciiHost))
                .max(Comparator.comparingInt(p -> p.specificity(asciiHost)));
    }

    @Transactional
    Platform save(@Nullable UUID existing, PlatformForm form, String actor) {
        List<String> problems = new ArrayList<>(form.problems());
        UUID id = existing == null ? UUID.randomUUID() : existing;
        boolean nameTaken =
                jdbc.sql("SELECT count(*) FROM takedown.platform WHERE lower(name) = lower(:n) AND id <> :id")
                                .param("n", form.name())
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        > 0;
        if (nameTaken) {
            problems.add("takedown.platform.problem.name-taken");
        }
        if (!problems.isEmpty()) {
            throw new PlatformProblem(problems);
        }
        // Joined and split in SQL: JdbcClient would expand a Java array into a list of parameters.
        String domains = String.join("\n", form.domainList());
        Timestamp now = Timestamp.from(clock.instant());
        int updated = existing == null
                ? 0
                : jdbc.sql("""
                                UPDATE takedown.platform SET name = :name, domains = string_to_array(:domains, chr(10)), country = :country,
                                    language = :language, trusted_flagger_email = :tf, abuse_email = :abuse,
                                    web_form_url = :form, note = :note, active = :active, updated_at = :now,
                                    updated_by = :actor
                                WHERE id = :id
                                """)
                        .param("id", id)
                        .param("name", form.name())
                        .param("domains", domains)
                        .param("country", blankToNull(form.country()))
                        .param("language", form.language())
                        .param("tf", blankToNull(form.trustedFlaggerEmail()))
                        .param("abuse", blankToNull(form.abuseEmail()))
                        .param("form", blankToNull(form.webFormUrl()))
                        .param("note", blankToNull(form.note()))
                        .param("active", form.active())
                        .param("now", now)
                        .param("actor", actor)
                        .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO takedown.platform (id, name, domains, country, language, trusted_flagger_email,
                                abuse_email, web_form_url, note, active, updated_at, updated_by)
                            VALUES (:id, :name, string_to_array(:domains, chr(10)), :country, :language, :tf, :abuse, :form, :note, :active,
                                :now, :actor)
                            """)
                    .param("id", id)
                    .param("name", form.name())
                    .param("domains", domains)
                    .param("country", blankToNull(form.country()))
                    .param("language", form.language())
                    .param("tf", blankToNull(form.trustedFlaggerEmail()))
                    .param("abuse", blankToNull(form.abuseEmail()))
                    .param("form", blankToNull(form.webFormUrl()))
                    .param("note", blankToNull(form.note()))
                    .param("active", form.active())
                    .param("now", now)
                    .param("actor", actor)
                    .update();
        }
        audit.record(actor, AuditAction.TAKEDOWN_PLATFORM_SAVED, "takedown-platform", id.toString());
        return find(id).orElseThrow();
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Platform platform(ResultSet rs, int row) throws SQLException {
        Array domains = rs.getArray("domains");
        return new Platform(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Arrays.asList((String[]) domains.getArray()),
                rs.getString("country"),
                rs.getString("language"),
                rs.getString("trusted_flagger_email"),
                rs.getString("abuse_email"),
                rs.getString("web_form_url"),
                rs.getString("note"),
                rs.getBoolean("active"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
