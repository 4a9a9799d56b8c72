package nl.vangnet.referral;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each step of a referral may take before a reminder goes out.
 *
 * @param acceptWithin from sent to accepted or declined
 * @param contactWithin from accepted to the first contact with the victim
 * @param outcomeWithin from first contact to done or not reached
 * @param checkEvery how often the reminder job looks for stalled referrals
 */
@ConfigurationProperties("vangnet.referral")
public record ReferralProperties(
        Duration acceptWithin, Duration contactWithin, Duration outcomeWithin, Duration checkEvery) {

    public ReferralProperties {
        acceptWithin = acceptWithin == null ? Duration.ofDays(2) : acceptWithin;
        contactWithin = contactWithin == null ? Duration.ofDays(3) : contactWithin;
        outcomeWithin = outcomeWithin == null ? Duration.ofDays(30) : outcomeWithin;
        checkEvery = checkEvery == null ? Duration.ofMinutes(15) : checkEvery;
    }

    Duration limitFor(ReferralStatus status) {
        return switch (status) {
            case SENT -> acceptWithin;
            case ACCEPTED -> contactWithin;
            case CONTACT_MADE -> outcomeWithin;
            default -> Duration.ZERO;
        };
    }
}
