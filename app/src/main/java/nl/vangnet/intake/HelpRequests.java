package nl.vangnet.intake;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Help requests, their messages and consents, in the {@code intake} schema. */
@Repository
class HelpRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    HelpRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A help request as stored (encrypted fields still encrypted). */
    record Stored(
            HelpRequestId id,
            String lookupId,
            SecretHasher.Hash receipt,
            SecretHasher.@Nullable Hash passphrase,
            byte[] dataKey,
            HelpRequestStatus status,
            String language,
            Instant createdAt,
            IntakeAnswers answers,
            SuggestedCoding coding,
            byte @Nullable [] urlsEncrypted,
            byte @Nullable [] contactEncrypted,
            byte @Nullable [] ownWordsEncrypted) {}

    /** A message as stored. */
    record StoredMessage(UUID id, String author, @Nullable String authorLabel, byte[] body, Instant createdAt) {}

    /** A consent record. */
    record Consent(
            UUID id,
            ConsentScope scope,
            @Nullable String organisation,
            Instant grantedAt,
            @Nullable Instant withdrawnAt) {
        boolean active() {
            return withdrawnAt == null;
        }
    }

    boolean lookupIdTaken(String lookupId) {
        return jdbc.sql("SELECT count(*) FROM intake.help_request WHERE lookup_id = :l")
                        .param("l", lookupId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void insert(Stored r, String source, int urlCount, Instant at) {
        IntakeAnswers a = r.answers();
        jdbc.sql("""
                        INSERT INTO intake.help_request (id, lookup_id, receipt_salt, receipt_hash, hash_parameters,
                            passphrase_salt, passphrase_hash, data_key, status, language, source, created_at, updated_at,
                            happening_now, happened, demand, images_online, platforms, age_band, other_person, other_person_age, needs,
                            barriers, barrier_categories, told, urgent, taxonomy_version, suggested_code,
                            suggested_dimensions, secondary_codes, url_count, urls_encrypted, contact_encrypted,
                            own_words_encrypted)
                        VALUES (:id, :lookup, :rsalt, :rhash, :params, :psalt, :phash, :key, :status, :language, :source,
                            :at, :at, :now, :happened, :demand, :images, :platforms, :age, :other, :otherAge, :needs, :barriers,
                            :categories, :told, :urgent, :version, :code, :dimensions, :secondary, :urlCount, :urls,
                            :contact, :ownWords)
                        """)
                .param("id", r.id().value())
                .param("lookup", r.lookupId())
                .param("rsalt", r.receipt().salt())
                .param("rhash", r.receipt().value())
                .param("params", r.receipt().parameters())
                .param("psalt", r.passphrase() == null ? null : r.passphrase().salt())
                .param("phash", r.passphrase() == null ? null : r.passphrase().value())
                .param("key", r.dataKey())
                .param("status", r.status().name())
                .param("language", r.language())
                .param("source", source)
                .param("at", Timestamp.from(at))
                .param("now", a.happeningNow())
                .param("happened", array(a.happened()))
                .param("demand", array(a.demand()))
                .param("images", a.imagesOnline())
                .param("platforms", array(a.platforms()))
                .param("age", a.ageBand())
                .param("other", a.otherPerson())
                .param("otherAge", a.otherPersonAge())
                .param("needs", array(a.needs()))
                .param("barriers", array(a.barriers()))
                .param(
                        "categories",
                        array(new LinkedHashSet<>(a.barriers().stream()
                                .map(Question.BARRIER_CATEGORY::get)
                                .distinct()
                                .toList())))
                .param("told", array(a.told()))
                .param("urgent", a.urgent())
                .param("version", r.coding().taxonomyVersion())
                .param("code", r.coding().code())
                .param("dimensions", JSON.writeValueAsString(r.coding().dimensions()))
                .param("secondary", r.coding().secondaryCodes().toArray(String[]::new))
                .param("urlCount", urlCount)
                .param("urls", r.urlsEncrypted())
                .param("contact", r.contactEncrypted())
                .param("ownWords", r.ownWordsEncrypted())
                .update();
    }

    Optional<Stored> byLookupId(String lookupId) {
        return jdbc.sql("SELECT * FROM intake.help_request WHERE lookup_id = :l")
                .param("l", lookupId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<Stored> byId(HelpRequestId id) {
        return jdbc.sql("SELECT * FROM intake.help_request WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    void setStatus(HelpRequestId id, HelpRequestStatus status, Instant at) {
        jdbc.sql("UPDATE intake.help_request SET status = :s, updated_at = :at WHERE id = :id")
                .param("s", status.name())
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    void eraseContact(HelpRequestId id, Instant at) {
        jdbc.sql("UPDATE intake.help_request SET contact_encrypted = NULL, updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    void eraseOwnWords(HelpRequestId id, Instant at) {
        jdbc.sql("UPDATE intake.help_request SET own_words_encrypted = NULL, updated_at = :at"
                        + " WHERE id = :id AND own_words_encrypted IS NOT NULL")
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    boolean delete(HelpRequestId id) {
        return jdbc.sql("DELETE FROM intake.help_request WHERE id = :id")
                        .param("id", id.value())
                        .update()
                > 0;
    }

    void addMessage(HelpRequestId id, UUID messageId, String author, @Nullable String label, byte[] body, Instant at) {
        jdbc.sql("""
                        INSERT INTO intake.message (id, help_request_id, author, author_label, body_encrypted, created_at)
                        VALUES (:id, :request, :author, :label, :body, :at)
                        """)
                .param("id", messageId)
                .param("request", id.value())
                .param("author", author)
                .param("label", label)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<StoredMessage> messages(HelpRequestId id) {
        return jdbc.sql("SELECT * FROM intake.message WHERE help_request_id = :id ORDER BY created_at, id")
                .param("id", id.value())
                .query((rs, n) -> new StoredMessage(
                        rs.getObject("id", UUID.class),
                        rs.getString("author"),
                        rs.getString("author_label"),
                        rs.getBytes("body_encrypted"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void addConsent(HelpRequestId id, ConsentScope scope, @Nullable String organisation, Instant at) {
        jdbc.sql("""
                        INSERT INTO intake.consent (id, help_request_id, scope, organisation, granted_at)
                        VALUES (:id, :request, :scope, :organisation, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("request", id.value())
                .param("scope", scope.name())
                .param("organisation", organisation)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Consent> consents(HelpRequestId id) {
        return jdbc.sql(
                        "SELECT * FROM intake.consent WHERE help_request_id = :id ORDER BY granted_at, scope, organisation")
                .param("id", id.value())
                .query((rs, n) -> new Consent(
                        rs.getObject("id", UUID.class),
                        ConsentScope.valueOf(rs.getString("scope")),
                        rs.getString("organisation"),
                        rs.getTimestamp("granted_at").toInstant(),
                        rs.getTimestamp("withdrawn_at") == null
                                ? null
                                : rs.getTimestamp("withdrawn_at").toInstant()))
                .list();
    }

    boolean withdraw(HelpRequestId id, UUID consentId, Instant at) {
        return jdbc.sql("""
                                UPDATE intake.consent SET withdrawn_at = :at
                                WHERE id = :consent AND help_request_id = :id AND withdrawn_at IS NULL
                                """)
                        .param("at", Timestamp.from(at))
                        .param("consent", consentId)
                        .param("id", id.value())
                        .update()
                > 0;
    }

    /** Requests whose victim asked for a professional and has not withdrawn that, oldest first. */
    List<HelpRequestId> waitingForProfessional() {
        return jdbc.sql("""
                        SELECT r.id FROM intake.help_request r
                        WHERE r.status IN ('WAITING', 'ANSWERED') AND EXISTS (
                            SELECT 1 FROM intake.consent c WHERE c.help_request_id = r.id
                              AND c.scope = 'PROFESSIONAL_HELP' AND c.withdrawn_at IS NULL)
                        ORDER BY r.urgent DESC, r.created_at
                        """)
                .query((rs, n) -> new HelpRequestId(rs.getObject("id", UUID.class)))
                .list();
    }

    private static String[] array(Set<String> values) {
        return values.toArray(String[]::new);
    }

    private static Stored map(ResultSet rs) throws SQLException {
        byte[] psalt = rs.getBytes("passphrase_salt");
        String params = rs.getString("hash_parameters");
        IntakeAnswers answers = new IntakeAnswers(
                rs.getString("happening_now"),
                set(rs.getArray("happened")),
                set(rs.getArray("demand")),
                rs.getString("images_online"),
                List.of(),
                set(rs.getArray("platforms")),
                rs.getString("age_band"),
                rs.getString("other_person"),
                rs.getString("other_person_age"),
                set(rs.getArray("needs")),
                set(rs.getArray("barriers")),
                set(rs.getArray("told")),
                Set.of());
        Map<String, List<String>> dimensions =
                JSON.readValue(rs.getString("suggested_dimensions"), new TypeReference<Map<String, List<String>>>() {});
        SuggestedCoding coding = new SuggestedCoding(
                rs.getString("taxonomy_version"),
                rs.getString("suggested_code"),
                dimensions,
                List.copyOf(set(rs.getArray("secondary_codes"))),
                List.of());
        return new Stored(
                new HelpRequestId(rs.getObject("id", UUID.class)),
                rs.getString("lookup_id"),
                new SecretHasher.Hash(rs.getBytes("receipt_salt"), rs.getBytes("receipt_hash"), params),
                psalt == null ? null : new SecretHasher.Hash(psalt, rs.getBytes("passphrase_hash"), params),
                rs.getBytes("data_key"),
                HelpRequestStatus.valueOf(rs.getString("status")),
                rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(),
                answers,
                coding,
                rs.getBytes("urls_encrypted"),
                rs.getBytes("contact_encrypted"),
                rs.getBytes("own_words_encrypted"));
    }

    private static Set<String> set(Array array) throws SQLException {
        return array == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
