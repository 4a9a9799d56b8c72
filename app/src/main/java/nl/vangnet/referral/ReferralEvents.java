package nl.vangnet.referral;

import nl.vangnet.cases.CaseFreeTextErased;
import nl.vangnet.cases.CaseShareWithdrawn;
import nl.vangnet.cases.CaseVictimDataErased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps referrals in step with the case: a withdrawn consent or erased victim data stops them, and
 * retention of the case's free text takes the hand-over notes with it.
 */
@Component
class ReferralEvents {

    private final ReferralManagement referrals;

    ReferralEvents(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @ApplicationModuleListener
    void on(CaseShareWithdrawn withdrawn) {
        referrals.consentEnded(withdrawn.consentId());
    }

    @ApplicationModuleListener
    void on(CaseVictimDataErased erased) {
        referrals.caseErased(erased.caseId(), erased.caseRemoved());
    }

    @ApplicationModuleListener
    void on(CaseFreeTextErased erased) {
        referrals.freeTextErased(erased.caseId());
    }
}
