/**
 * Referrals: a case handed to an organisation from the help directory with the victim's consent
 * (recorded as a share in the cases module), a hand-over note, and closed-loop tracking (sent,
 * accepted, first contact made, done or not reached) with reminders when a step stalls. Holds the
 * hand-over note (free text about the victim, encrypted with a key per referral), organisation IDs
 * and timestamps; outcomes leave as events with IDs and codes only.
 */
@ApplicationModule(allowedDependencies = {"shared", "cases", "directory", "identity", "audit"})
@NullMarked
package nl.vangnet.referral;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
