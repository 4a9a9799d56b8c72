package nl.vangnet.referral;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for stalled referrals every {@code vangnet.referral.check-every} (default 15 minutes) and
 * sends one reminder per overdue step. The deadlines come from the {@code Clock} bean, so tests
 * move the clock and call {@link ReferralManagement#remindStalled()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReferralProperties.class)
class ReferralReminders {

    private final ReferralManagement referrals;

    ReferralReminders(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @Scheduled(fixedDelayString = "${vangnet.referral.check-every:PT15M}", initialDelayString = "PT1M")
    void remind() {
        referrals.remindStalled();
    }
}
