package nl.vangnet.referral;

import java.time.Duration;
import java.time.Instant;
import nl.vangnet.cases.CaseId;

/**
 * A referral moved on: accepted, declined, first contact made, done, not reached or cancelled.
 * With the time since it was sent, so statistics can follow the loop without reading referrals.
 */
public record ReferralStepTaken(
        ReferralId referralId,
        CaseId caseId,
        String directorySlug,
        ReferralStatus from,
        ReferralStatus to,
        Duration sinceSent,
        Instant at) {}
