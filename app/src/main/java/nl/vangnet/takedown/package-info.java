/**
 * Getting images offline: a takedown request per URL, linked to a case file of the cases module
 * (only caseworkers of the organisation that owns the case can attach requests to it; the links a
 * victim gave on the portal become drafts when they asked for removal; erasing the victim's data
 * from the case removes its requests); identification of the hosting provider and its abuse contact
 * through RDAP, a staff-edited directory of platform reporting channels and manual overrides;
 * notices that carry every element of article 16 DSA, from editable Dutch and English templates,
 * sent by e-mail through an outbox that retries with backoff or exported for web forms; SSRF-safe
 * re-checks of each URL (status, redirects and, in memory only, the PDQ hash of a served image);
 * deadlines, automatic reminders and escalation; a victim-facing progress view; and time-to-removal
 * figures with Kaplan–Meier estimates. Holds URLs of images of victims, staff notes and the exact
 * notice texts, all encrypted with a data key per case; host names, status codes and timestamps in
 * clear. Never images: a served image lives in memory only for as long as its hash takes. Never
 * URLs in logs at INFO or in events.
 */
@ApplicationModule(allowedDependencies = {"shared", "taxonomy", "audit", "identity", "intake", "cases", "pdq"})
@NullMarked
package nl.vangnet.takedown;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
