package nl.vangnet.cases;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case files and everything in them, in the {@code cases} schema. Every read for staff takes a
 * {@link Scope} and carries the organisation rule in its WHERE clause, so a query can never return
 * a case (or a part of one) the reader's organisation neither owns nor received under an active
 * consent. Writes by staff are likewise limited to the owning organisation in SQL.
 */
@Repository
class CaseFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> DIMENSIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    CaseFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who is reading, as SQL parameters. */
    record Scope(UUID organisation, boolean mayOwn, boolean mayRead) {
        static Scope of(Viewer viewer) {
            return new Scope(viewer.organisationId().value(), viewer.mayOwn(), viewer.mayRead());
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("viewerOrg", organisation).param("mayOwn", mayOwn).param("mayRead", mayRead);
        }
    }

    /** The reader's organisation owns the case (alias {@code c}). */
    static final String OWNER = "(:mayOwn AND c.organisation_id = :viewerOrg)";

    /** The reader may see {@code part} of case {@code c}: owner, or an active consent covering the part. */
    static String visible(CasePart part) {
        return "(:mayRead AND (" + OWNER + " OR EXISTS (SELECT 1 FROM cases.consent s WHERE s.case_id = c.id"
                + " AND s.organisation_id = :viewerOrg AND s.withdrawn_at IS NULL AND '" + part.name()
                + "' = ANY (s.parts))))";
    }

    /** The parts an active consent gives the reader's organisation (owners see everything anyway). */
    private static final String SHARED_PARTS = "ARRAY(SELECT DISTINCT p FROM cases.consent s, unnest(s.parts) p"
            + " WHERE s.case_id = c.id AND s.organisation_id = :viewerOrg AND s.withdrawn_at IS NULL)";

    private static final String PRIMARY_CODE =
            "(SELECT i.code FROM cases.incident i WHERE i.case_id = c.id ORDER BY i.seq LIMIT 1)";

    // ------------------------------------------------------------------ creating

    /** The values of a new case file. */
    record NewCase(
            CaseId id,
            String reference,
            @Nullable OrganisationId organisation,
            String origin,
            CaseChannel channel,
            @Nullable UUID helpRequestId,
            @Nullable String legacyReference,
            CaseStatus status,
            @Nullable ClosingReason closingReason,
            boolean ongoingThreat,
            boolean minor,
            boolean imagerySpreading,
            @Nullable String ageBand,
            List<String> needs,
            Instant openedAt,
            @Nullable Instant closedAt,
            byte[] dataKey,
            byte @Nullable [] narrative,
            byte @Nullable [] contact) {}

    static int urgency(boolean ongoingThreat, boolean minor, boolean imagerySpreading) {
        return (ongoingThreat ? 4 : 0) + (minor ? 2 : 0) + (imagerySpreading ? 2 : 0);
    }

    String nextReference(int year) {
        long n = jdbc.sql("SELECT nextval('cases.reference_number')")
                .query(Long.class)
                .single();
        return String.format("VN-%d-%06d", year, n);
    }

    void insert(NewCase c) {
        jdbc.sql("""
                        INSERT INTO cases.case_file (id, reference, organisation_id, origin, channel, help_request_id,
                            legacy_reference, status, closing_reason, ongoing_threat, minor, imagery_spreading, urgency,
                            age_band, needs, opened_at, closed_at, updated_at, data_key, narrative_encrypted,
                            contact_encrypted)
                        VALUES (:id, :reference, :organisation, :origin, :channel, :helpRequest, :legacy, :status,
                            :closingReason, :threat, :minor, :spreading, :urgency, :age, :needs, :opened, :closed,
                            :opened, :key, :narrative, :contact)
                        """)
                .param("id", c.id().value())
                .param("reference", c.reference())
                .param(
                        "organisation",
                        c.organisation() == null ? null : c.organisation().value())
                .param("origin", c.origin())
                .param("channel", c.channel().name())
                .param("helpRequest", c.helpRequestId())
                .param("legacy", c.legacyReference())
                .param("status", c.status().name())
                .param(
                        "closingReason",
                        c.closingReason() == null ? null : c.closingReason().name())
                .param("threat", c.ongoingThreat())
                .param("minor", c.minor())
                .param("spreading", c.imagerySpreading())
                .param("urgency", urgency(c.ongoingThreat(), c.minor(), c.imagerySpreading()))
                .param("age", c.ageBand())
                .param("needs", c.needs().toArray(String[]::new))
                .param("opened", Timestamp.from(c.openedAt()))
                .param("closed", c.closedAt() == null ? null : Timestamp.from(c.closedAt()))
                .param("key", c.dataKey())
                .param("narrative", c.narrative())
                .param("contact", c.contact())
                .update();
        jdbc.sql("""
                        INSERT INTO cases.status_change (case_id, from_status, to_status, closing_reason, changed_by,
                            changed_at)
                        VALUES (:id, NULL, :status, :reason, 'system', :at)
                        """)
                .param("id", c.id().value())
                .param("status", c.status().name())
                .param(
                        "reason",
                        c.closingReason() == null ? null : c.closingReason().name())
                .param("at", Timestamp.from(c.openedAt()))
                .update();
    }

    // ------------------------------------------------------------------ reading one case

    /** The case row as the reader may see it; free-text columns are null unless the part is visible. */
    record Row(
            CaseSummary summary,
            Set<CasePart> parts,
            byte @Nullable [] dataKey,
            byte @Nullable [] narrative,
            byte @Nullable [] contact,
            @Nullable UUID helpRequestId,
            @Nullable VictimAccountRow account) {}

    /** What the victim told through the portal (codes, and their own words still encrypted). */
    record VictimAccountRow(List<String> needs, List<String> barriers, List<String> told, byte @Nullable [] words) {}

    /** The ID behind a reference, unscoped: callers must read the case through {@link #row} after. */
    Optional<CaseId> idByReference(String reference) {
        return jdbc.sql("SELECT id FROM cases.case_file WHERE reference = :reference")
                .param("reference", reference)
                .query((rs, n) -> new CaseId(rs.getObject("id", UUID.class)))
                .optional();
    }

    Optional<Row> row(Scope scope, CaseId id) {
        String sql = "SELECT c.*, " + OWNER + " AS is_owner, " + SHARED_PARTS + " AS shared_parts, "
                + "CASE WHEN " + visible(CasePart.CODING) + " THEN " + PRIMARY_CODE + " END AS primary_code, "
                + "CASE WHEN " + visible(CasePart.NARRATIVE) + " THEN c.narrative_encrypted END AS narrative, "
                + "CASE WHEN " + visible(CasePart.CONTACT) + " THEN c.contact_encrypted END AS contact, "
                + visible(CasePart.NARRATIVE) + " AS sees_account "
                + "FROM cases.case_file c WHERE c.id = :id AND " + visible(CasePart.SUMMARY);
        return scope.bind(jdbc.sql(sql))
                .param("id", id.value())
                .query((rs, n) -> {
                    CaseSummary summary = summary(rs);
                    Set<CasePart> parts = summary.owner() ? CasePart.all() : parts(rs.getArray("shared_parts"));
                    return new Row(
                            summary,
                            parts,
                            rs.getBytes("data_key"),
                            rs.getBytes("narrative"),
                            rs.getBytes("contact"),
                            rs.getObject("help_request_id", UUID.class),
                            rs.getBoolean("sees_account")
                                    ? new VictimAccountRow(
                                            List.copyOf(strings(rs.getArray("needs"))),
                                            List.copyOf(strings(rs.getArray("barriers"))),
                                            List.copyOf(strings(rs.getArray("told"))),
                                            rs.getBytes("victim_words_encrypted"))
                                    : null);
                })
                .optional();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Stores what the victim told in the portal (codes, and their own words sealed with the case key). */
    void recordVictimAccount(CaseId id, List<String> barriers, List<String> told, byte @Nullable [] words) {
        jdbc.sql("UPDATE cases.case_file SET barriers = :barriers, told = :told, victim_words_encrypted = :words"
                        + " WHERE id = :id")
                .param("barriers", barriers.toArray(String[]::new))
                .param("told", told.toArray(String[]::new))
                .param("words", words)
                .param("id", id.value())
                .update();
    }

    /** The case's wrapped data key and help request, for system work (event listeners, retention). */
    record SystemRow(
            CaseId id,
            @Nullable OrganisationId organisation,
            CaseStatus status,
            byte @Nullable [] dataKey,
            @Nullable UUID helpRequestId,
            int version) {}

    Optional<SystemRow> systemRow(CaseId id) {
        return jdbc.sql("SELECT * FROM cases.case_file WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> systemRow(rs))
                .optional();
    }

    /**
     * Serialises the hand-over of one help request until the end of the transaction: a second
     * delivery of the same event waits here and then finds the case the first one opened.
     */
    void lockHelpRequest(UUID helpRequestId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", helpRequestId.getMostSignificantBits() ^ helpRequestId.getLeastSignificantBits())
                .query()
                .singleRow();
    }

    Optional<SystemRow> byHelpRequest(UUID helpRequestId) {
        return jdbc.sql("SELECT * FROM cases.case_file WHERE help_request_id = :id")
                .param("id", helpRequestId)
                .query((rs, n) -> systemRow(rs))
                .optional();
    }

    private static SystemRow systemRow(ResultSet rs) throws SQLException {
        UUID org = rs.getObject("organisation_id", UUID.class);
        return new SystemRow(
                new CaseId(rs.getObject("id", UUID.class)),
                org == null ? null : new OrganisationId(org),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getBytes("data_key"),
                rs.getObject("help_request_id", UUID.class),
                rs.getInt("version"));
    }

    /** A stored incident; the description is still encrypted. */
    record IncidentRow(Incident incident, byte @Nullable [] description) {}

    List<IncidentRow> incidents(Scope scope, CaseId id) {
        String sql = "SELECT i.* FROM cases.incident i JOIN cases.case_file c ON c.id = i.case_id "
                + "WHERE i.case_id = :id AND " + visible(CasePart.CODING)
                + " ORDER BY i.occurred_month NULLS LAST, i.seq";
        return scope.bind(jdbc.sql(sql))
                .param("id", id.value())
                .query((rs, n) -> incident(rs))
                .list();
    }

    Optional<IncidentRow> incident(Scope scope, CaseId id, IncidentId incidentId) {
        String sql = "SELECT i.* FROM cases.incident i JOIN cases.case_file c ON c.id = i.case_id "
                + "WHERE i.case_id = :id AND i.id = :incident AND " + visible(CasePart.CODING);
        return scope.bind(jdbc.sql(sql))
                .param("id", id.value())
                .param("incident", incidentId.value())
                .query((rs, n) -> incident(rs))
                .optional();
    }

    private static IncidentRow incident(ResultSet rs) throws SQLException {
        Date month = rs.getDate("occurred_month");
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        String suggested = rs.getString("suggested_dimensions");
        return new IncidentRow(
                new Incident(
                        new IncidentId(rs.getObject("id", UUID.class)),
                        rs.getInt("seq"),
                        month == null ? null : YearMonth.from(month.toLocalDate()),
                        rs.getString("taxonomy_version"),
                        rs.getString("code"),
                        dimensions(rs.getString("dimensions")),
                        rs.getBoolean("complete"),
                        rs.getString("suggested_code"),
                        suggested == null ? Map.of() : dimensions(suggested),
                        confirmed == null ? null : confirmed.toInstant(),
                        rs.getString("confirmed_by"),
                        null,
                        rs.getInt("version")),
                rs.getBytes("description_encrypted"));
    }

    /** A note as stored. */
    record NoteRow(UUID id, String authorName, byte[] body, Instant at) {}

    /** The reader's own organisation's notes on a case it can see. */
    List<NoteRow> notes(Scope scope, CaseId id) {
        String sql = "SELECT n.* FROM cases.note n JOIN cases.case_file c ON c.id = n.case_id "
                + "WHERE n.case_id = :id AND n.organisation_id = :viewerOrg AND " + visible(CasePart.SUMMARY)
                + " ORDER BY n.created_at, n.id";
        return scope.bind(jdbc.sql(sql))
                .param("id", id.value())
                .query((rs, n) -> new NoteRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("author_name"),
                        rs.getBytes("body_encrypted"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A task as stored. */
    record TaskRow(
            UUID id,
            byte @Nullable [] title,
            @Nullable String kind,
            LocalDate dueOn,
            @Nullable Instant doneAt,
            @Nullable String doneBy) {}

    List<TaskRow> tasks(Scope scope, CaseId id) {
        String sql = "SELECT t.* FROM cases.task t JOIN cases.case_file c ON c.id = t.case_id "
                + "WHERE t.case_id = :id AND t.organisation_id = :viewerOrg AND " + visible(CasePart.SUMMARY)
                + " ORDER BY t.done_at NULLS FIRST, t.due_on, t.created_at";
        return scope.bind(jdbc.sql(sql))
                .param("id", id.value())
                .query((rs, n) -> {
                    Timestamp done = rs.getTimestamp("done_at");
                    return new TaskRow(
                            rs.getObject("id", UUID.class),
                            rs.getBytes("title_encrypted"),
                            rs.getString("kind"),
                            rs.getDate("due_on").toLocalDate(),
                            done == null ? null : done.toInstant(),
                            rs.getString("done_by"));
                })
                .list();
    }

    /** A consent as stored. */
    record ConsentRow(
            UUID id,
            OrganisationId organisation,
            Set<CasePart> parts,
            String basis,
            ConsentHow how,
            @Nullable String directorySlug,
            String recordedBy,
            Instant grantedAt,
            @Nullable Instant withdrawnAt) {
        boolean active() {
            return withdrawnAt == null;
        }
    }

    /** Owners see every consent of their case; a receiving organisation sees the ones given to it. */
    List<ConsentRow> consents(Scope scope, CaseId id) {
        String sql = "SELECT s.* FROM cases.consent s JOIN cases.case_file c ON c.id = s.case_id "
                + "WHERE s.case_id = :id AND " + visible(CasePart.SUMMARY) + " AND (" + OWNER
                + " OR s.organisation_id = :viewerOrg) ORDER BY s.granted_at, s.id";
        return scope.bind(jdbc.sql(sql))
                .param("id", id.value())
                .query((rs, n) -> consent(rs))
                .list();
    }

    /** Every consent of a case, for system work. */
    List<ConsentRow> allConsents(CaseId id) {
        return jdbc.sql("SELECT * FROM cases.consent WHERE case_id = :id ORDER BY granted_at, id")
                .param("id", id.value())
                .query((rs, n) -> consent(rs))
                .list();
    }

    private static ConsentRow consent(ResultSet rs) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new ConsentRow(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                parts(rs.getArray("parts")),
                rs.getString("basis"),
                ConsentHow.valueOf(rs.getString("how")),
                rs.getString("directory_slug"),
                rs.getString("recorded_by"),
                rs.getTimestamp("granted_at").toInstant(),
                withdrawn == null ? null : withdrawn.toInstant());
    }

    List<CaseView.StatusChange> history(Scope scope, CaseId id) {
        String sql = "SELECT h.* FROM cases.status_change h JOIN cases.case_file c ON c.id = h.case_id "
                + "WHERE h.case_id = :id AND " + visible(CasePart.SUMMARY) + " ORDER BY h.changed_at, h.id";
        return scope.bind(jdbc.sql(sql))
                .param("id", id.value())
                .query((rs, n) -> {
                    String from = rs.getString("from_status");
                    String reason = rs.getString("closing_reason");
                    return new CaseView.StatusChange(
                            from == null ? null : CaseStatus.valueOf(from),
                            CaseStatus.valueOf(rs.getString("to_status")),
                            reason == null ? null : ClosingReason.valueOf(reason),
                            rs.getString("changed_by"),
                            rs.getTimestamp("changed_at").toInstant());
                })
                .list();
    }

    // ------------------------------------------------------------------ changing (owner only, in SQL)

    /** True when the reader's organisation owns the case (for telling "gone" from "changed"). */
    boolean owns(Scope scope, CaseId id) {
        return scope.bind(jdbc.sql("SELECT count(*) FROM cases.case_file c WHERE c.id = :id AND " + OWNER))
                        .param("id", id.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean visibleTo(Scope scope, CaseId id, CasePart part) {
        return scope.bind(jdbc.sql("SELECT count(*) FROM cases.case_file c WHERE c.id = :id AND " + visible(part)))
                        .param("id", id.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean changeStatus(
            Scope scope,
            CaseId id,
            int version,
            CaseStatus from,
            CaseStatus to,
            @Nullable ClosingReason reason,
            String actor,
            Instant now) {
        int updated = scope.bind(jdbc.sql("UPDATE cases.case_file c SET status = :to, closing_reason = :reason,"
                        + " triaged_at = CASE WHEN c.triaged_at IS NULL AND CAST(:to AS text) <> 'NEW'"
                        + " THEN CAST(:now AS timestamptz)"
                        + " ELSE c.triaged_at END,"
                        + " closed_at = CASE WHEN CAST(:to AS text) = 'CLOSED' THEN CAST(:now AS timestamptz) ELSE NULL END,"
                        + " updated_at = :now, version = c.version + 1"
                        + " WHERE c.id = :id AND c.version = :version AND c.status = :from AND " + OWNER))
                .param("to", to.name())
                .param("from", from.name())
                .param("reason", reason == null ? null : reason.name())
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("version", version)
                .update();
        if (updated == 1) {
            recordStatus(id, from, to, reason, actor, now);
        }
        return updated == 1;
    }

    void recordStatus(
            CaseId id,
            @Nullable CaseStatus from,
            CaseStatus to,
            @Nullable ClosingReason reason,
            String actor,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO cases.status_change (case_id, from_status, to_status, closing_reason, changed_by,
                            changed_at)
                        VALUES (:id, :from, :to, :reason, :actor, :at)
                        """)
                .param("id", id.value())
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("reason", reason == null ? null : reason.name())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean assign(Scope scope, CaseId id, int version, @Nullable UUID account, @Nullable String name, Instant now) {
        return scope.bind(jdbc.sql("UPDATE cases.case_file c SET assigned_to = :account, assigned_name = :name,"
                                + " updated_at = :now, version = c.version + 1"
                                + " WHERE c.id = :id AND c.version = :version AND " + OWNER))
                        .param("account", account)
                        .param("name", name)
                        .param("now", Timestamp.from(now))
                        .param("id", id.value())
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean updateDetails(
            Scope scope,
            CaseId id,
            int version,
            boolean ongoingThreat,
            boolean minor,
            boolean imagerySpreading,
            @Nullable String ageBand,
            byte @Nullable [] narrative,
            byte @Nullable [] contact,
            Instant now) {
        return scope.bind(jdbc.sql("UPDATE cases.case_file c SET ongoing_threat = :threat, minor = :minor,"
                                + " imagery_spreading = :spreading, urgency = :urgency, age_band = :age,"
                                + " narrative_encrypted = :narrative, contact_encrypted = :contact,"
                                + " updated_at = :now, version = c.version + 1"
                                + " WHERE c.id = :id AND c.version = :version AND c.victim_data_erased_at IS NULL AND "
                                + OWNER))
                        .param("threat", ongoingThreat)
                        .param("minor", minor)
                        .param("spreading", imagerySpreading)
                        .param("urgency", urgency(ongoingThreat, minor, imagerySpreading))
                        .param("age", ageBand)
                        .param("narrative", narrative)
                        .param("contact", contact)
                        .param("now", Timestamp.from(now))
                        .param("id", id.value())
                        .param("version", version)
                        .update()
                == 1;
    }

    void touch(CaseId id, Instant now) {
        jdbc.sql("UPDATE cases.case_file SET updated_at = :now, version = version + 1 WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    int nextIncidentSeq(CaseId id) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM cases.incident WHERE case_id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    /** The values of a new incident. */
    record NewIncident(
            IncidentId id,
            CaseId caseId,
            int seq,
            @Nullable YearMonth occurredMonth,
            String taxonomyVersion,
            String code,
            Map<String, List<String>> dimensions,
            boolean complete,
            @Nullable String suggestedCode,
            @Nullable Map<String, List<String>> suggestedDimensions,
            @Nullable Instant confirmedAt,
            @Nullable String confirmedBy,
            byte @Nullable [] description,
            Instant at) {}

    void insertIncident(NewIncident i) {
        jdbc.sql("""
                        INSERT INTO cases.incident (id, case_id, seq, occurred_month, taxonomy_version, code, dimensions,
                            complete, suggested_code, suggested_dimensions, confirmed_at, confirmed_by,
                            description_encrypted, created_at, updated_at)
                        VALUES (:id, :case, :seq, :month, :version, :code, :dimensions, :complete, :suggestedCode,
                            :suggestedDimensions, :confirmedAt, :confirmedBy, :description, :at, :at)
                        """)
                .param("id", i.id().value())
                .param("case", i.caseId().value())
                .param("seq", i.seq())
                .param(
                        "month",
                        i.occurredMonth() == null
                                ? null
                                : Date.valueOf(i.occurredMonth().atDay(1)))
                .param("version", i.taxonomyVersion())
                .param("code", i.code())
                .param("dimensions", JSON.writeValueAsString(i.dimensions()))
                .param("complete", i.complete())
                .param("suggestedCode", i.suggestedCode())
                .param(
                        "suggestedDimensions",
                        i.suggestedDimensions() == null ? null : JSON.writeValueAsString(i.suggestedDimensions()))
                .param("confirmedAt", i.confirmedAt() == null ? null : Timestamp.from(i.confirmedAt()))
                .param("confirmedBy", i.confirmedBy())
                .param("description", i.description())
                .param("at", Timestamp.from(i.at()))
                .update();
    }

    boolean recode(
            Scope scope,
            CaseId id,
            IncidentId incident,
            int version,
            String taxonomyVersion,
            String code,
            Map<String, List<String>> dimensions,
            @Nullable YearMonth month,
            byte @Nullable [] description,
            String actor,
            Instant now) {
        return scope.bind(jdbc.sql("UPDATE cases.incident i SET taxonomy_version = :taxonomy, code = :code,"
                                + " dimensions = :dimensions, complete = true, occurred_month = :month,"
                                + " description_encrypted = :description, confirmed_at = :now, confirmed_by = :actor,"
                                + " updated_at = :now, version = i.version + 1"
                                + " FROM cases.case_file c WHERE c.id = i.case_id AND i.id = :incident"
                                + " AND i.case_id = :id AND i.version = :version AND " + OWNER))
                        .param("taxonomy", taxonomyVersion)
                        .param("code", code)
                        .param("dimensions", JSON.writeValueAsString(dimensions))
                        .param("month", month == null ? null : Date.valueOf(month.atDay(1)))
                        .param("description", description)
                        .param("now", Timestamp.from(now))
                        .param("actor", actor)
                        .param("incident", incident.value())
                        .param("id", id.value())
                        .param("version", version)
                        .update()
                == 1;
    }

    void insertNote(
            UUID noteId, CaseId id, UUID organisation, String author, String authorName, byte[] body, Instant at) {
        jdbc.sql("""
                        INSERT INTO cases.note (id, case_id, organisation_id, author, author_name, body_encrypted,
                            created_at)
                        VALUES (:id, :case, :org, :author, :name, :body, :at)
                        """)
                .param("id", noteId)
                .param("case", id.value())
                .param("org", organisation)
                .param("author", author)
                .param("name", authorName)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .update();
    }

    void insertTask(UUID taskId, CaseId id, UUID organisation, byte[] title, LocalDate due, String author, Instant at) {
        jdbc.sql("""
                        INSERT INTO cases.task (id, case_id, organisation_id, title_encrypted, due_on, created_by,
                            created_at)
                        VALUES (:id, :case, :org, :title, :due, :author, :at)
                        """)
                .param("id", taskId)
                .param("case", id.value())
                .param("org", organisation)
                .param("title", title)
                .param("due", Date.valueOf(due))
                .param("author", author)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * A task the application adds for the owning organisation, unless one of the same kind is
     * still open. Returns whether a task was added.
     */
    boolean insertSystemTask(CaseId id, UUID organisation, String kind, LocalDate due, Instant at) {
        return jdbc.sql("""
                        INSERT INTO cases.task (id, case_id, organisation_id, kind, due_on, created_by, created_at)
                        VALUES (:id, :case, :org, :kind, :due, 'system', :at)
                        ON CONFLICT (case_id, kind) WHERE kind IS NOT NULL AND done_at IS NULL DO NOTHING
                        """)
                        .param("id", UUID.randomUUID())
                        .param("case", id.value())
                        .param("org", organisation)
                        .param("kind", kind)
                        .param("due", Date.valueOf(due))
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    boolean completeTask(Scope scope, CaseId id, UUID taskId, String actor, Instant now) {
        return scope.bind(jdbc.sql("UPDATE cases.task t SET done_at = :now, done_by = :actor"
                                + " FROM cases.case_file c WHERE c.id = t.case_id AND t.id = :task AND t.case_id = :id"
                                + " AND t.done_at IS NULL AND t.organisation_id = :viewerOrg AND "
                                + visible(CasePart.SUMMARY)))
                        .param("now", Timestamp.from(now))
                        .param("actor", actor)
                        .param("task", taskId)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    void insertConsent(
            UUID consentId,
            CaseId id,
            OrganisationId organisation,
            Set<CasePart> parts,
            String basis,
            ConsentHow how,
            @Nullable String slug,
            String recordedBy,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO cases.consent (id, case_id, organisation_id, parts, basis, how, directory_slug,
                            recorded_by, granted_at)
                        VALUES (:id, :case, :org, :parts, :basis, :how, :slug, :by, :at)
                        """)
                .param("id", consentId)
                .param("case", id.value())
                .param("org", organisation.value())
                .param("parts", partsArray(parts))
                .param("basis", basis)
                .param("how", how.name())
                .param("slug", slug)
                .param("by", recordedBy)
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean withdrawConsent(CaseId id, UUID consentId, String actor, Instant at) {
        return jdbc.sql("""
                                UPDATE cases.consent SET withdrawn_at = :at, withdrawn_by = :actor
                                WHERE id = :consent AND case_id = :id AND withdrawn_at IS NULL
                                """)
                        .param("at", Timestamp.from(at))
                        .param("actor", actor)
                        .param("consent", consentId)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    void markReply(CaseId id, Instant at) {
        jdbc.sql("UPDATE cases.case_file SET victim_replied_at = :at, reply_unread = true, updated_at = :at"
                        + " WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    void markRepliesRead(Scope scope, CaseId id) {
        scope.bind(jdbc.sql("UPDATE cases.case_file c SET reply_unread = false WHERE c.id = :id AND c.reply_unread AND "
                        + OWNER))
                .param("id", id.value())
                .update();
    }

    /**
     * Erases everything about the victim and leaves a tombstone (reference, organisation, channel,
     * dates, closed with reason deleted by victim): incidents, notes and tasks go, consents end, and
     * the wrapped data key is dropped, so no ciphertext of this case can be read again.
     */
    void eraseVictimData(CaseId id, Instant now) {
        for (String table : List.of("cases.incident", "cases.note", "cases.task")) {
            jdbc.sql("DELETE FROM " + table + " WHERE case_id = :id")
                    .param("id", id.value())
                    .update();
        }
        jdbc.sql("""
                        UPDATE cases.case_file SET data_key = NULL, narrative_encrypted = NULL, contact_encrypted = NULL,
                            victim_words_encrypted = NULL, barriers = '{}', told = '{}',
                            age_band = NULL, needs = '{}', ongoing_threat = false, minor = false,
                            imagery_spreading = false, urgency = 0, help_request_id = NULL, legacy_reference = NULL,
                            reply_unread = false, status = 'CLOSED', closing_reason = 'DELETED_BY_VICTIM',
                            closed_at = coalesce(closed_at, :now), victim_data_erased_at = :now, updated_at = :now,
                            version = version + 1
                        WHERE id = :id
                        """).param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    /** Deletes a case file and everything in it (retention). */
    void delete(CaseId id) {
        jdbc.sql("DELETE FROM cases.case_file WHERE id = :id")
                .param("id", id.value())
                .update();
    }

    // ------------------------------------------------------------------ lists

    /** The triage queue of the reader's organisation: new before triaged, then urgency with waiting, then oldest. */
    List<CaseSummary> queue(Scope scope, Instant now, int limit) {
        // The order is computed from the covering queue index alone; only the page is read in full.
        String sql = "SELECT c.*, true AS is_owner, " + PRIMARY_CODE + " AS primary_code FROM (SELECT c.id, "
                + "(c.status = 'NEW') AS fresh, " + score() + " AS score, c.opened_at FROM cases.case_file c WHERE "
                + OWNER + " AND c.status IN ('NEW', 'TRIAGED') ORDER BY (c.status = 'NEW') DESC, " + score()
                + " DESC, c.opened_at, c.id LIMIT :limit) q JOIN cases.case_file c ON c.id = q.id"
                + " ORDER BY q.fresh DESC, q.score DESC, q.opened_at, q.id";
        return scope.bind(jdbc.sql(sql))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> summary(rs))
                .list();
    }

    /** Urgency plus one point per full day of waiting, at most three: nobody waits forever behind urgent cases. */
    static String score() {
        return "(c.urgency + LEAST(3, GREATEST(0, floor(extract(epoch FROM (CAST(:now AS timestamptz) - c.opened_at)) / 86400)::int)))";
    }

    /** Counts per open status of the reader's organisation, with the longest wait. */
    record StatusCount(
            CaseStatus status, long count, @Nullable Instant oldest, long urgent) {}

    List<StatusCount> counts(Scope scope) {
        String sql = "SELECT c.status, count(*) AS n, min(c.opened_at) AS oldest,"
                + " count(*) FILTER (WHERE c.urgency >= 4) AS urgent FROM cases.case_file c WHERE " + OWNER
                + " AND c.status IN ('NEW', 'TRIAGED', 'IN_PROGRESS', 'REFERRED') GROUP BY c.status";
        return scope.bind(jdbc.sql(sql))
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new StatusCount(
                            CaseStatus.valueOf(rs.getString("status")),
                            rs.getLong("n"),
                            oldest == null ? null : oldest.toInstant(),
                            rs.getLong("urgent"));
                })
                .list();
    }

    /** Open cases shared with the reader's organisation (the police list), newest first. */
    List<CaseSummary> sharedOpen(Scope scope, int limit) {
        String sql = "SELECT c.*, false AS is_owner, CASE WHEN " + visible(CasePart.CODING) + " THEN " + PRIMARY_CODE
                + " END AS primary_code FROM (SELECT q.id, q.opened_at FROM cases.case_file q WHERE :mayRead"
                + " AND q.id IN (SELECT s.case_id FROM cases.consent s WHERE s.organisation_id = :viewerOrg"
                + " AND s.withdrawn_at IS NULL) AND q.organisation_id IS DISTINCT FROM :viewerOrg"
                + " AND q.status <> 'CLOSED' ORDER BY q.opened_at DESC, q.id LIMIT :limit) ids"
                + " JOIN cases.case_file c ON c.id = ids.id ORDER BY c.opened_at DESC, c.id";
        return scope.bind(jdbc.sql(sql))
                .param("limit", limit)
                .query((rs, n) -> summary(rs))
                .list();
    }

    /** What staff search for; every field optional. */
    record Search(
            @Nullable String reference,
            @Nullable CaseStatus status,
            @Nullable String code,
            boolean urgentOnly,
            @Nullable UUID assignedTo,
            @Nullable LocalDate openedFrom,
            @Nullable LocalDate openedTo,
            int page,
            int size) {}

    /**
     * Search in the reader's scope: owned cases and shared cases are each taken newest first
     * through their own index, then merged; a page beyond the first costs its offset in both.
     */
    List<CaseSummary> search(Scope scope, Search q) {
        List<String> filters = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.reference() != null) {
            filters.add("c.reference = :reference");
            params.put("reference", q.reference());
        }
        if (q.status() != null) {
            filters.add("c.status = :status");
            params.put("status", q.status().name());
        }
        if (q.code() != null) {
            filters.add("EXISTS (SELECT 1 FROM cases.incident i WHERE i.case_id = c.id AND i.code = :code)");
            params.put("code", q.code());
        }
        if (q.urgentOnly()) {
            filters.add("c.urgency >= 4");
        }
        if (q.assignedTo() != null) {
            filters.add("c.assigned_to = :assignedTo");
            params.put("assignedTo", q.assignedTo());
        }
        if (q.openedFrom() != null) {
            filters.add("c.opened_at >= :from");
            params.put("from", Timestamp.valueOf(q.openedFrom().atStartOfDay()));
        }
        if (q.openedTo() != null) {
            filters.add("c.opened_at < :to");
            params.put("to", Timestamp.valueOf(q.openedTo().plusDays(1).atStartOfDay()));
        }
        String where = filters.isEmpty() ? "" : " AND " + String.join(" AND ", filters);
        // A code filter on a shared case needs a consent that covers the coding.
        String sharedPart = q.code() != null ? " AND 'CODING' = ANY (s.parts)" : "";
        int window = (q.page() + 1) * q.size() + 1;
        // IDs first (from the indexes), full rows and the primary code only for the page shown.
        String sql = "SELECT c.*, x.is_owner, CASE WHEN x.is_owner OR " + visible(CasePart.CODING) + " THEN "
                + PRIMARY_CODE + " END AS primary_code FROM ("
                + "(SELECT c.id, c.opened_at, true AS is_owner FROM cases.case_file c"
                + " WHERE " + OWNER + where + " ORDER BY c.opened_at DESC, c.id LIMIT :window)"
                + " UNION ALL "
                + "(SELECT c.id, c.opened_at, false AS is_owner FROM cases.case_file c WHERE :mayRead AND c.id IN"
                + " (SELECT s.case_id FROM cases.consent s WHERE s.organisation_id = :viewerOrg"
                + " AND s.withdrawn_at IS NULL" + sharedPart + ") AND c.organisation_id IS DISTINCT FROM :viewerOrg"
                + where + " ORDER BY c.opened_at DESC, c.id LIMIT :window)"
                + " ORDER BY opened_at DESC, id LIMIT :size OFFSET :offset) x"
                + " JOIN cases.case_file c ON c.id = x.id ORDER BY x.opened_at DESC, x.id";
        JdbcClient.StatementSpec spec = scope.bind(jdbc.sql(sql))
                .param("window", window)
                .param("size", q.size() + 1)
                .param("offset", q.page() * q.size());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> summary(rs)).list();
    }

    /** An owned case with a victim message nobody of the organisation has read yet. */
    record UnreadRow(CaseSummary summary, Instant repliedAt) {}

    /** The inbox: owned cases (any status) with unread victim messages, the longest waiting first. */
    List<UnreadRow> unread(Scope scope, int limit) {
        String sql = "SELECT c.*, true AS is_owner, " + PRIMARY_CODE + " AS primary_code FROM cases.case_file c"
                + " WHERE c.reply_unread AND " + OWNER
                + " ORDER BY c.victim_replied_at, c.id LIMIT :limit";
        return scope.bind(jdbc.sql(sql))
                .param("limit", limit)
                .query((rs, n) -> new UnreadRow(
                        summary(rs), rs.getTimestamp("victim_replied_at").toInstant()))
                .list();
    }

    /** How many owned cases have unread victim messages (for the staff navigation). */
    int countUnread(Scope scope) {
        return scope.bind(jdbc.sql("SELECT count(*) FROM cases.case_file c WHERE c.reply_unread AND " + OWNER))
                .query(Integer.class)
                .single();
    }

    // ------------------------------------------------------------------ mapping

    private static CaseSummary summary(ResultSet rs) throws SQLException {
        UUID org = rs.getObject("organisation_id", UUID.class);
        String reason = rs.getString("closing_reason");
        Timestamp triaged = rs.getTimestamp("triaged_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new CaseSummary(
                new CaseId(rs.getObject("id", UUID.class)),
                rs.getString("reference"),
                CaseStatus.valueOf(rs.getString("status")),
                reason == null ? null : ClosingReason.valueOf(reason),
                CaseChannel.valueOf(rs.getString("channel")),
                rs.getString("origin"),
                rs.getBoolean("ongoing_threat"),
                rs.getBoolean("minor"),
                rs.getBoolean("imagery_spreading"),
                rs.getInt("urgency"),
                rs.getString("age_band"),
                rs.getTimestamp("opened_at").toInstant(),
                triaged == null ? null : triaged.toInstant(),
                closed == null ? null : closed.toInstant(),
                org == null ? null : new OrganisationId(org),
                rs.getObject("assigned_to", UUID.class),
                rs.getString("assigned_name"),
                rs.getBoolean("reply_unread"),
                rs.getString("primary_code"),
                rs.getBoolean("is_owner"),
                rs.getTimestamp("victim_data_erased_at") != null,
                rs.getInt("version"));
    }

    static Map<String, List<String>> dimensions(String json) {
        return JSON.readValue(json, DIMENSIONS);
    }

    static Set<CasePart> parts(@Nullable Array array) throws SQLException {
        Set<CasePart> parts = EnumSet.noneOf(CasePart.class);
        if (array != null) {
            for (String p : (String[]) array.getArray()) {
                parts.add(CasePart.valueOf(p));
            }
        }
        return parts;
    }

    static String[] partsArray(Set<CasePart> parts) {
        return Arrays.stream(CasePart.values())
                .filter(parts::contains)
                .map(CasePart::name)
                .toArray(String[]::new);
    }
}
