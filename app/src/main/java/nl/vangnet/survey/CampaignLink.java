package nl.vangnet.survey;

import java.util.UUID;

/**
 * An anonymous link for one school or class. Only the hash of its token is stored. A single-use
 * link accepts one response; a shared class link accepts many.
 */
record CampaignLink(
        UUID id, CampaignId campaignId, String label, boolean singleUse, boolean used, boolean revoked, int position) {

    boolean acceptsResponses() {
        return !revoked && !(singleUse && used);
    }
}
