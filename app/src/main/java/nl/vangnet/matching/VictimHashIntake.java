package nl.vangnet.matching;

import java.util.List;
import nl.vangnet.intake.ConsentScope;
import nl.vangnet.intake.ConsentWithdrawn;
import nl.vangnet.intake.HelpRequestDeleted;
import nl.vangnet.intake.ImageHashesSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the help portal: hashes a victim made on their device enter the victims' banks under
 * the consent they gave, and leave them when the consent is withdrawn or the request deleted.
 * The events are stored by the event publication registry, so nothing is lost in a crash.
 */
@Component
class VictimHashIntake {

    private final HashBanks banks;

    VictimHashIntake(HashBanks banks) {
        this.banks = banks;
    }

    @ApplicationModuleListener
    void on(ImageHashesSubmitted event) {
        List<HashBanks.SubmittedHash> hashes = event.hashes().stream()
                .map(h -> new HashBanks.SubmittedHash(h.pdq(), h.quality(), h.sha256()))
                .toList();
        if (!hashes.isEmpty()) {
            banks.addVictimHashes(
                    "victim",
                    HashSource.HELP_REQUEST,
                    event.helpRequestId().value(),
                    event.consentId(),
                    null,
                    event.madeUnder18(),
                    hashes);
        }
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn event) {
        if (event.scope() == ConsentScope.IMAGE_HASHES) {
            banks.withdrawAllFrom(
                    "victim", HashSource.HELP_REQUEST, event.helpRequestId().value());
        }
    }

    @ApplicationModuleListener
    void on(HelpRequestDeleted event) {
        banks.withdrawAllFrom(
                "victim", HashSource.HELP_REQUEST, event.helpRequestId().value());
    }
}
