/**
 * The public help portal: the guided, skippable questions (one per screen, no JavaScript needed),
 * the suggested taxonomy coding computed by explicit rules, the personal help plan, anonymous
 * saving with a receipt code (stored only as an Argon2id hash), follow-up with messages, consent
 * records for every share, and hard deletion by the victim. Holds special-category personal data
 * of victims: coded answers (age band, what happened, needs, barriers, who was told) in clear for
 * research, and everything the victim types (web addresses, contact details, their own words for the
 * professional, messages, the opt-in e-mail address for reply notifications) encrypted with a
 * per-request data key. The reply notification outbox holds no content at all. Never IP addresses,
 * never images, never free text in logs or events.
 */
@ApplicationModule(allowedDependencies = {"shared", "taxonomy", "directory"})
@NullMarked
package nl.vangnet.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
