package nl.vangnet.survey;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitted responses. Coded answers are kept as JSON; free-text answers are encrypted as one
 * blob per response, so a database dump alone shows no free text.
 */
@Repository
class Responses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SurveyCrypto crypto;

    Responses(JdbcClient jdbc, SurveyCrypto crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    /** A response to store; false from {@link #add} means the same submission was already stored. */
    record NewResponse(
            CampaignId campaign,
            UUID link,
            byte[] submissionHash,
            String language,
            int ageGroup,
            LocalDate submittedOn,
            int durationSeconds,
            Instrument instrument,
            Answers answers,
            QualityFlags flags) {}

    boolean add(NewResponse r) {
        Map<String, Object> coded = new LinkedHashMap<>();
        Map<String, Object> texts = new LinkedHashMap<>();
        r.answers().asMap().forEach((item, value) -> {
            if (value instanceof String) {
                texts.put(item, value);
            } else {
                coded.put(item, value);
            }
        });
        byte[] freeText = texts.isEmpty()
                ? null
                : crypto.encrypt(SurveyCrypto.Purpose.ANSWER_TEXT, JSON.writeValueAsBytes(texts));
        try {
            jdbc.sql("""
                    INSERT INTO survey.response (id, campaign_id, link_id, submission_hash, language, age_group,
                        submitted_on, duration_seconds, answers, free_text, too_fast, straight_lining, inconsistent)
                    VALUES (:id, :campaign, :link, :submission, :language, :ageGroup, :submittedOn, :duration,
                        CAST(:answers AS jsonb), :freeText, :tooFast, :straight, :inconsistent)
                    """)
                    .param("id", UUID.randomUUID())
                    .param("campaign", r.campaign().value())
                    .param("link", r.link())
                    .param("submission", r.submissionHash())
                    .param("language", r.language())
                    .param("ageGroup", r.ageGroup())
                    .param("submittedOn", r.submittedOn())
                    .param("duration", r.durationSeconds())
                    .param("answers", JSON.writeValueAsString(coded))
                    .param("freeText", freeText)
                    .param("tooFast", r.flags().tooFast())
                    .param("straight", r.flags().straightLining())
                    .param("inconsistent", r.flags().inconsistent())
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    int count(CampaignId campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM survey.response WHERE campaign_id = :id")
                .param("id", campaign.value())
                .query(Integer.class)
                .single();
    }

    record FlagCounts(int tooFast, int straightLining, int inconsistent) {}

    FlagCounts flagCounts(CampaignId campaign) {
        return jdbc.sql("""
                SELECT COUNT(*) FILTER (WHERE too_fast) AS a, COUNT(*) FILTER (WHERE straight_lining) AS b,
                       COUNT(*) FILTER (WHERE inconsistent) AS c
                FROM survey.response WHERE campaign_id = :id
                """)
                .param("id", campaign.value())
                .query((rs, n) -> new FlagCounts(rs.getInt("a"), rs.getInt("b"), rs.getInt("c")))
                .single();
    }

    /** Streams the responses of a campaign in a stable order, decrypting free text on the way. */
    void forEach(CampaignId campaign, Consumer<StoredResponse> consumer) {
        jdbc.sql("""
                SELECT id, link_id, language, age_group, submitted_on, duration_seconds, answers::text AS answers,
                       free_text, too_fast, straight_lining, inconsistent
                FROM survey.response WHERE campaign_id = :id ORDER BY submitted_on, id
                """).param("id", campaign.value()).query(rs -> {
            Map<String, Object> values = new LinkedHashMap<>(JSON.readValue(rs.getString("answers"), MAP));
            byte[] freeText = rs.getBytes("free_text");
            if (freeText != null) {
                crypto.decrypt(SurveyCrypto.Purpose.ANSWER_TEXT, freeText)
                        .map(plain -> JSON.readValue(new String(plain, StandardCharsets.UTF_8), MAP))
                        .ifPresent(values::putAll);
            }
            consumer.accept(new StoredResponse(
                    rs.getObject("id", UUID.class),
                    rs.getObject("link_id", UUID.class),
                    rs.getString("language"),
                    rs.getInt("age_group"),
                    rs.getDate("submitted_on").toLocalDate(),
                    rs.getInt("duration_seconds"),
                    new Answers(values),
                    new QualityFlags(
                            rs.getBoolean("too_fast"),
                            rs.getBoolean("straight_lining"),
                            rs.getBoolean("inconsistent"))));
        });
    }

    /** Deletes every response of a campaign, encrypted free text included; returns how many. */
    int deleteAll(CampaignId campaign) {
        return jdbc.sql("DELETE FROM survey.response WHERE campaign_id = :id")
                .param("id", campaign.value())
                .update();
    }

    /** The values that could single out a respondent in an export, per response. */
    Map<UUID, SmallGroups.Row> quasiIdentifiers(CampaignId campaign, Map<UUID, String> linkLabels) {
        Map<UUID, SmallGroups.Row> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT id, link_id, age_group, language FROM survey.response WHERE campaign_id = :id")
                .param("id", campaign.value())
                .query(rs -> {
                    rows.put(
                            rs.getObject("id", UUID.class),
                            new SmallGroups.Row(
                                    SmallGroups.exportLabel(
                                            linkLabels.getOrDefault(rs.getObject("link_id", UUID.class), "")),
                                    rs.getInt("age_group"),
                                    rs.getString("language")));
                });
        return rows;
    }

    List<UUID> ids(CampaignId campaign) {
        return jdbc.sql("SELECT id FROM survey.response WHERE campaign_id = :id")
                .param("id", campaign.value())
                .query(UUID.class)
                .list();
    }
}
