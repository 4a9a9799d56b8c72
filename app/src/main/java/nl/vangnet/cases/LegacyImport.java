package nl.vangnet.cases;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.taxonomy.Coding;
import nl.vangnet.taxonomy.Crosswalk;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a partner's legacy registrations from CSV into the importing organisation: each row's
 * own category is mapped to taxonomy codes through the crosswalk of the chosen scheme. A dry run
 * reports every row that cannot be mapped (and every other problem) without writing anything; an
 * import writes only when the whole file is clean, in one transaction, so nothing is ever imported
 * half. Expected columns (header row, comma or semicolon, UTF-8): {@code reference},
 * {@code registered_on} (yyyy-mm-dd), {@code category}; optional {@code detail} (a taxonomy code
 * that chooses among a coarse category's candidates), {@code age_band}, {@code closed_on},
 * {@code closing_reason}.
 */
@Component
class LegacyImport {

    static final List<String> REQUIRED = List.of("reference", "registered_on", "category");
    static final List<String> OPTIONAL = List.of("detail", "age_band", "closed_on", "closing_reason");
    static final int MAX_ROWS = 20_000;

    private final CaseFiles files;
    private final CaseCrypto crypto;
    private final Taxonomies taxonomies;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    LegacyImport(
            CaseFiles files, CaseCrypto crypto, Taxonomies taxonomies, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.files = files;
        this.crypto = crypto;
        this.taxonomies = taxonomies;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One problem: the line of the file (1 is the header, 0 the file as a whole), a stable code,
     * the column and the offending value where useful.
     */
    record Problem(
            int line,
            String code,
            @Nullable String column,
            @Nullable String value) {}

    /** One mapped row, ready to become a case. */
    record Mapped(
            int line,
            String reference,
            LocalDate registeredOn,
            List<String> codes,
            Map<String, String> presetDimensions,
            @Nullable String ageBand,
            @Nullable LocalDate closedOn,
            @Nullable ClosingReason closingReason) {}

    /** What a dry run or an import found and did. */
    record Report(String scheme, int rows, List<Mapped> mapped, List<Problem> problems, boolean imported) {
        public boolean clean() {
            return problems.isEmpty() && rows > 0;
        }
    }

    /** Checks the file; writes nothing. */
    @Transactional(readOnly = true)
    Report dryRun(Viewer viewer, String scheme, byte[] content) {
        return check(viewer, scheme, content);
    }

    /** Imports the whole file in one transaction, or nothing at all when any row has a problem. */
    @Transactional
    Report importAll(Viewer viewer, String scheme, byte[] content) {
        Report report = check(viewer, scheme, content);
        if (!report.clean()) {
            return report;
        }
        TaxonomyVersion version = taxonomies.current();
        Instant now = clock.instant();
        for (Mapped row : report.mapped()) {
            CaseId id = CaseId.random();
            Instant opened =
                    row.registeredOn().atStartOfDay(CaseManagement.ZONE).toInstant();
            Instant closed = row.closedOn() == null
                    ? null
                    : row.closedOn().atStartOfDay(CaseManagement.ZONE).toInstant();
            boolean minor = row.ageBand() != null
                    && List.of("under-12", "12-15", "16-17").contains(row.ageBand());
            files.insert(new CaseFiles.NewCase(
                    id,
                    files.nextReference(row.registeredOn().getYear()),
                    viewer.organisationId(),
                    "IMPORT",
                    CaseChannel.IMPORT,
                    null,
                    row.reference(),
                    closed == null ? CaseStatus.IN_PROGRESS : CaseStatus.CLOSED,
                    closed == null ? null : (row.closingReason() == null ? ClosingReason.OTHER : row.closingReason()),
                    false,
                    minor,
                    false,
                    row.ageBand(),
                    List.of(),
                    opened,
                    closed,
                    crypto.newKey(),
                    null,
                    null));
            int seq = 1;
            for (String code : row.codes()) {
                Map<String, List<String>> dimensions = new LinkedHashMap<>();
                row.presetDimensions().forEach((name, value) -> dimensions.put(name, List.of(value)));
                if (row.ageBand() != null && version.code(code).isPresent()) {
                    dimensions.putIfAbsent("victimAgeAtReport", List.of(row.ageBand()));
                }
                // Keep only what validates; mandatory dimensions legacy data lacks are marked incomplete.
                Map<String, List<String>> valid = new LinkedHashMap<>();
                dimensions.forEach((name, values) -> {
                    if (taxonomies.validate(version, new Coding(code, Map.of(name, values))).stream()
                            .noneMatch(p -> name.equals(p.dimension())
                                    && p.type() != nl.vangnet.taxonomy.CodingProblem.Type.MANDATORY_MISSING)) {
                        valid.put(name, values);
                    }
                });
                boolean complete =
                        taxonomies.validate(version, new Coding(code, valid)).isEmpty();
                files.insertIncident(new CaseFiles.NewIncident(
                        IncidentId.random(),
                        id,
                        seq++,
                        null,
                        version.version(),
                        code,
                        valid,
                        complete,
                        null,
                        null,
                        now,
                        viewer.username(),
                        null,
                        now));
            }
        }
        audit.record(
                viewer.username(),
                AuditAction.CASES_IMPORTED,
                "organisation",
                viewer.organisationId().toString(),
                null,
                Map.of("scheme", scheme, "cases", String.valueOf(report.mapped().size())));
        return new Report(scheme, report.rows(), report.mapped(), List.of(), true);
    }

    private Report check(Viewer viewer, String scheme, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        List<Mapped> mapped = new ArrayList<>();
        TaxonomyVersion version = taxonomies.current();
        if (!version.schemes().contains(scheme)) {
            problems.add(new Problem(0, "scheme-unknown", null, scheme));
            return new Report(scheme, 0, mapped, problems, false);
        }
        if (looksLikeUtf16(content)) {
            problems.add(new Problem(0, "utf16", null, null));
            return new Report(scheme, 0, mapped, problems, false);
        }
        String text;
        try {
            text = decodeUtf8(content);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(0, "not-utf8", null, null));
            return new Report(scheme, 0, mapped, problems, false);
        }
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || rows.getFirst().stream().allMatch(String::isBlank)) {
            problems.add(new Problem(0, "empty", null, null));
            return new Report(scheme, 0, mapped, problems, false);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = rows.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                    problems.add(new Problem(1, "column-unknown", name, null));
                }
                columns.put(name, i);
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new Problem(1, "column-missing", required, null));
            }
        }
        if (!problems.isEmpty()) {
            return new Report(scheme, rows.size() - 1, mapped, problems, false);
        }
        if (rows.size() - 1 > MAX_ROWS) {
            problems.add(new Problem(0, "too-many-rows", null, String.valueOf(MAX_ROWS)));
            return new Report(scheme, rows.size() - 1, mapped, problems, false);
        }
        Set<String> seen = new HashSet<>();
        Set<String> existing = new HashSet<>(jdbc.sql("SELECT legacy_reference FROM cases.case_file"
                        + " WHERE organisation_id = :org AND legacy_reference IS NOT NULL")
                .param("org", viewer.organisationId().value())
                .query(String.class)
                .list());
        LocalDate today = LocalDate.ofInstant(clock.instant(), CaseManagement.ZONE);
        List<String> ageBands =
                version.dimension("victimAgeAtReport").map(d -> d.valueCodes()).orElse(List.of());
        for (int r = 1; r < rows.size(); r++) {
            int line = r + 1;
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int before = problems.size();
            String reference = cell(row, columns, "reference");
            if (reference.isEmpty()) {
                problems.add(new Problem(line, "reference-missing", "reference", null));
            } else if (reference.length() > 80) {
                problems.add(new Problem(line, "reference-too-long", "reference", null));
            } else if (!seen.add(reference)) {
                problems.add(new Problem(line, "reference-duplicate", "reference", reference));
            } else if (existing.contains(reference)) {
                problems.add(new Problem(line, "reference-imported", "reference", reference));
            }
            LocalDate registered = date(cell(row, columns, "registered_on"), line, "registered_on", today, problems);
            if (registered == null && cell(row, columns, "registered_on").isEmpty()) {
                problems.add(new Problem(line, "date-missing", "registered_on", null));
            }
            String closedText = cell(row, columns, "closed_on");
            LocalDate closed = closedText.isEmpty() ? null : date(closedText, line, "closed_on", today, problems);
            if (closed != null && registered != null && closed.isBefore(registered)) {
                problems.add(new Problem(line, "closed-before-registered", "closed_on", closedText));
            }
            String ageBand = cell(row, columns, "age_band");
            if (!ageBand.isEmpty() && !ageBands.contains(ageBand)) {
                problems.add(new Problem(line, "age-band-unknown", "age_band", ageBand));
            }
            String reasonText = cell(row, columns, "closing_reason");
            ClosingReason reason = null;
            if (!reasonText.isEmpty()) {
                try {
                    reason = ClosingReason.valueOf(reasonText.toUpperCase(Locale.ROOT));
                    if (reason == ClosingReason.DELETED_BY_VICTIM) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(line, "closing-reason-unknown", "closing_reason", reasonText));
                    reason = null;
                }
            }
            String category = cell(row, columns, "category");
            String detail = cell(row, columns, "detail");
            Crosswalk.Candidate candidate = null;
            if (category.isEmpty()) {
                problems.add(new Problem(line, "category-missing", "category", null));
            } else {
                Crosswalk.Row crosswalk =
                        taxonomies.crosswalk(version, scheme, category).orElse(null);
                if (crosswalk == null) {
                    problems.add(new Problem(line, "category-unknown", "category", category));
                } else {
                    candidate = choose(crosswalk, detail, line, problems);
                }
            }
            if (problems.size() == before && candidate != null) {
                mapped.add(new Mapped(
                        line,
                        reference,
                        registered,
                        candidate.codes(),
                        candidate.dimensions(),
                        ageBand.isEmpty() ? null : ageBand,
                        closed,
                        reason));
            }
        }
        return new Report(scheme, rows.size() - 1, mapped, problems, false);
    }

    /** A coarse category needs the detail column to say which candidate applies. */
    private static Crosswalk.@Nullable Candidate choose(
            Crosswalk.Row row, String detail, int line, List<Problem> problems) {
        if (!detail.isEmpty()) {
            for (Crosswalk.Candidate c : row.candidates()) {
                if (c.codes().contains(detail.strip())) {
                    return c;
                }
            }
            problems.add(new Problem(line, "detail-not-a-candidate", "detail", detail));
            return null;
        }
        if (row.needsDetail() || row.candidates().size() != 1) {
            problems.add(new Problem(line, "category-needs-detail", "category", row.category()));
            return null;
        }
        return row.candidates().getFirst();
    }

    private static @Nullable LocalDate date(
            String text, int line, String column, LocalDate today, List<Problem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today)) {
                problems.add(new Problem(line, "date-in-future", column, text));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, "date-invalid", column, text));
            return null;
        }
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= row.size() ? "" : row.get(index).strip();
    }

    /**
     * A UTF-16 export (Excel's "Unicode text"): a UTF-16 byte-order mark, or NUL bytes, which no
     * text CSV holds and which strict UTF-8 decoding would otherwise let through for plain ASCII.
     */
    static boolean looksLikeUtf16(byte[] content) {
        if (content.length >= 2
                && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                        || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            return true;
        }
        for (byte b : content) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Strict UTF-8 (a byte-order mark is allowed): Windows-1252 or Latin-1 exports are refused, not guessed. */
    static String decodeUtf8(byte[] content) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF; comma or semicolon from the header. */
    static final class Csv {
        private Csv() {}

        static List<List<String>> parse(String text) {
            int firstLineEnd = text.indexOf('\n');
            String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
            char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == separator) {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }

        private static long count(String s, char c) {
            return s.chars().filter(x -> x == c).count();
        }
    }
}
