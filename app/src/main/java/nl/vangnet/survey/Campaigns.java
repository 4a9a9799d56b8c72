package nl.vangnet.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their links in the {@code survey} schema. */
@Repository
class Campaigns {

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Campaign c) {
        jdbc.sql("""
                INSERT INTO survey.campaign (id, name, instrument_id, instrument_version, target_group,
                    parental_consent, interview_opt_in, organiser, contact, purpose_nl, purpose_en,
                    opens_on, closes_on, closed_on, created_by, created_on, answers_kept_until)
                VALUES (:id, :name, :instrumentId, :instrumentVersion, :targetGroup, :parentalConsent,
                    :interviewOptIn, :organiser, :contact, :purposeNl, :purposeEn, :opensOn, :closesOn,
                    NULL, :createdBy, :createdOn, :keptUntil)
                """)
                .param("id", c.id().value())
                .param("name", c.name())
                .param("instrumentId", c.instrumentId())
                .param("instrumentVersion", c.instrumentVersion())
                .param("targetGroup", c.targetGroup().name())
                .param("parentalConsent", c.parentalConsent().name())
                .param("interviewOptIn", c.interviewOptIn())
                .param("organiser", c.organiser())
                .param("contact", c.contact())
                .param("purposeNl", c.purposeNl())
                .param("purposeEn", c.purposeEn())
                .param("opensOn", c.opensOn())
                .param("closesOn", c.closesOn())
                .param("createdBy", c.createdBy())
                .param("createdOn", c.createdOn())
                .param("keptUntil", c.answersKeptUntil())
                .update();
    }

    Optional<Campaign> find(CampaignId id) {
        return jdbc.sql("SELECT * FROM survey.campaign WHERE id = :id")
                .param("id", id.value())
                .query(Campaigns::campaign)
                .optional();
    }

    /** Newest first; {@code createdBy} null means every campaign (for administrators). */
    List<Campaign> list(String createdBy) {
        if (createdBy == null) {
            return jdbc.sql("SELECT * FROM survey.campaign ORDER BY created_on DESC, name")
                    .query(Campaigns::campaign)
                    .list();
        }
        return jdbc.sql("SELECT * FROM survey.campaign WHERE created_by = :by ORDER BY created_on DESC, name")
                .param("by", createdBy)
                .query(Campaigns::campaign)
                .list();
    }

    /** Campaigns not yet marked closed whose period ended before {@code today}. */
    List<CampaignId> expiredButOpen(LocalDate today) {
        return jdbc.sql("SELECT id FROM survey.campaign WHERE closed_on IS NULL AND closes_on < :today")
                .param("today", today)
                .query((rs, n) -> new CampaignId(rs.getObject("id", UUID.class)))
                .list();
    }

    boolean markClosed(CampaignId id, LocalDate today) {
        return jdbc.sql("UPDATE survey.campaign SET closed_on = :today WHERE id = :id AND closed_on IS NULL")
                        .param("today", today)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** Campaigns whose answers are kept until before {@code today} and not yet deleted. */
    List<CampaignId> pastRetention(LocalDate today) {
        return jdbc.sql(
                        "SELECT id FROM survey.campaign WHERE answers_deleted_on IS NULL AND answers_kept_until < :today")
                .param("today", today)
                .query((rs, n) -> new CampaignId(rs.getObject("id", UUID.class)))
                .list();
    }

    /** Records that the answers of a campaign were deleted on {@code today}. */
    boolean markAnswersDeleted(CampaignId id, LocalDate today) {
        return jdbc.sql(
                                "UPDATE survey.campaign SET answers_deleted_on = :today WHERE id = :id AND answers_deleted_on IS NULL")
                        .param("today", today)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** Deletes a campaign's links and then the campaign; responses and contacts must be gone first. */
    DeletedCounts deleteWithLinks(CampaignId id) {
        int links = jdbc.sql("DELETE FROM survey.link WHERE campaign_id = :id")
                .param("id", id.value())
                .update();
        int campaign = jdbc.sql("DELETE FROM survey.campaign WHERE id = :id")
                .param("id", id.value())
                .update();
        return new DeletedCounts(campaign, links);
    }

    record DeletedCounts(int campaigns, int links) {}

    void addLink(CampaignLink link, byte[] tokenHash) {
        jdbc.sql("""
                INSERT INTO survey.link (id, campaign_id, label, token_hash, single_use, position)
                VALUES (:id, :campaign, :label, :hash, :singleUse, :position)
                """)
                .param("id", link.id())
                .param("campaign", link.campaignId().value())
                .param("label", link.label())
                .param("hash", tokenHash)
                .param("singleUse", link.singleUse())
                .param("position", link.position())
                .update();
    }

    int nextLinkPosition(CampaignId id) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM survey.link WHERE campaign_id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    List<CampaignLink> links(CampaignId id) {
        return jdbc.sql("SELECT * FROM survey.link WHERE campaign_id = :id ORDER BY position")
                .param("id", id.value())
                .query(Campaigns::link)
                .list();
    }

    Optional<CampaignLink> linkByTokenHash(byte[] hash) {
        return jdbc.sql("SELECT * FROM survey.link WHERE token_hash = :hash")
                .param("hash", hash)
                .query(Campaigns::link)
                .optional();
    }

    boolean revokeLink(CampaignId campaign, UUID link) {
        return jdbc.sql("UPDATE survey.link SET revoked = true WHERE id = :link AND campaign_id = :campaign")
                        .param("link", link)
                        .param("campaign", campaign.value())
                        .update()
                == 1;
    }

    /** Marks a single-use link used; false if it was already used (someone else was first). */
    boolean useSingleUseLink(UUID link) {
        return jdbc.sql("UPDATE survey.link SET used = true WHERE id = :link AND single_use AND NOT used")
                        .param("link", link)
                        .update()
                == 1;
    }

    /** Responses per link, for the live counts; links without responses are absent. */
    Map<UUID, Integer> responseCounts(CampaignId id) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT link_id, COUNT(*) AS n FROM survey.response WHERE campaign_id = :id GROUP BY link_id")
                .param("id", id.value())
                .query(rs -> {
                    counts.put(rs.getObject("link_id", UUID.class), rs.getInt("n"));
                });
        return counts;
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        java.sql.Date closed = rs.getDate("closed_on");
        java.sql.Date answersDeleted = rs.getDate("answers_deleted_on");
        return new Campaign(
                new CampaignId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("instrument_id"),
                rs.getString("instrument_version"),
                TargetGroup.valueOf(rs.getString("target_group")),
                ParentalConsent.valueOf(rs.getString("parental_consent")),
                rs.getBoolean("interview_opt_in"),
                rs.getString("organiser"),
                rs.getString("contact"),
                rs.getString("purpose_nl"),
                rs.getString("purpose_en"),
                rs.getDate("opens_on").toLocalDate(),
                rs.getDate("closes_on").toLocalDate(),
                closed == null ? null : closed.toLocalDate(),
                rs.getString("created_by"),
                rs.getDate("created_on").toLocalDate(),
                rs.getDate("answers_kept_until").toLocalDate(),
                answersDeleted == null ? null : answersDeleted.toLocalDate());
    }

    private static CampaignLink link(ResultSet rs, int row) throws SQLException {
        return new CampaignLink(
                rs.getObject("id", UUID.class),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                rs.getString("label"),
                rs.getBoolean("single_use"),
                rs.getBoolean("used"),
                rs.getBoolean("revoked"),
                rs.getInt("position"));
    }

    void changeRetention(CampaignId id, java.time.LocalDate keptUntil) {
        jdbc.sql("UPDATE survey.campaign SET answers_kept_until = :keptUntil WHERE id = :id")
                .param("keptUntil", java.sql.Date.valueOf(keptUntil))
                .param("id", id.value())
                .update();
    }
}
