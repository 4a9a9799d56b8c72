package nl.vangnet.referral;

import java.util.Set;

/** The closed loop: sent, accepted (or declined), first contact made, done or not reached; or cancelled. */
public enum ReferralStatus {
    SENT,
    ACCEPTED,
    DECLINED,
    CONTACT_MADE,
    DONE,
    NOT_REACHED,
    CANCELLED;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case SENT -> Set.of(ACCEPTED, DECLINED, CANCELLED);
            case ACCEPTED -> Set.of(CONTACT_MADE, NOT_REACHED, CANCELLED);
            case CONTACT_MADE -> Set.of(DONE, NOT_REACHED);
            case DECLINED, DONE, NOT_REACHED, CANCELLED -> Set.of();
        };
    }

    public boolean closed() {
        return next().isEmpty();
    }
}
