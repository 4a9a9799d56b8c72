package nl.vangnet.survey;

import java.util.UUID;

/** Identifies a survey campaign. */
record CampaignId(UUID value) {

    static CampaignId random() {
        return new CampaignId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
