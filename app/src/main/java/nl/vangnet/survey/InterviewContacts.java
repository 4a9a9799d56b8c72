package nl.vangnet.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact details of respondents who want to be invited for an interview: encrypted, with no
 * timestamp and nothing that refers to a response, and deleted when their campaign closes.
 */
@Repository
class InterviewContacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SurveyCrypto crypto;

    InterviewContacts(JdbcClient jdbc, SurveyCrypto crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    record Contact(String name, String reachBy, String details) {}

    /** False if this ticket was already used. */
    boolean add(CampaignId campaign, byte[] ticketHash, Contact contact) {
        byte[] sealed = crypto.encrypt(
                SurveyCrypto.Purpose.CONTACT,
                JSON.writeValueAsBytes(
                        Map.of("name", contact.name(), "reachBy", contact.reachBy(), "details", contact.details())));
        try {
            jdbc.sql("""
                    INSERT INTO survey.interview_contact (id, campaign_id, ticket_hash, sealed)
                    VALUES (:id, :campaign, :ticket, :sealed)
                    """)
                    .param("id", UUID.randomUUID())
                    .param("campaign", campaign.value())
                    .param("ticket", ticketHash)
                    .param("sealed", sealed)
                    .update();
            return true;
        } catch (DuplicateKeyException usedTicket) {
            return false;
        }
    }

    /** The decrypted contacts, shuffled so their order says nothing about when they came in. */
    List<Contact> list(CampaignId campaign) {
        List<Contact> contacts = new ArrayList<>();
        jdbc.sql("SELECT sealed FROM survey.interview_contact WHERE campaign_id = :id")
                .param("id", campaign.value())
                .query(rs -> {
                    crypto.decrypt(SurveyCrypto.Purpose.CONTACT, rs.getBytes("sealed"))
                            .ifPresent(plain -> {
                                Map<String, Object> m = JSON.readValue(
                                        new String(plain, StandardCharsets.UTF_8),
                                        new TypeReference<Map<String, Object>>() {});
                                contacts.add(new Contact(
                                        String.valueOf(m.get("name")),
                                        String.valueOf(m.get("reachBy")),
                                        String.valueOf(m.get("details"))));
                            });
                });
        Collections.shuffle(contacts);
        return contacts;
    }

    int count(CampaignId campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM survey.interview_contact WHERE campaign_id = :id")
                .param("id", campaign.value())
                .query(Integer.class)
                .single();
    }

    int deleteAll(CampaignId campaign) {
        return jdbc.sql("DELETE FROM survey.interview_contact WHERE campaign_id = :id")
                .param("id", campaign.value())
                .update();
    }
}
