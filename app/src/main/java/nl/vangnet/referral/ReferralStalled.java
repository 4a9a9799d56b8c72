package nl.vangnet.referral;

import java.time.Instant;
import nl.vangnet.cases.CaseId;

/** A referral's current step is overdue (not accepted, no first contact, or no outcome in time). */
public record ReferralStalled(
        ReferralId referralId, CaseId caseId, ReferralStatus waitingIn, Instant dueAt, Instant remindedAt) {}
