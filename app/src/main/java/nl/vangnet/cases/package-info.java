/**
 * Shared case registration: a case file per victim situation, opened from a help request in which
 * the victim asked for a professional or by staff (phone, chat, walk-in); incidents coded with the
 * taxonomy in time order, with the portal's suggestion kept next to the final coding; the triage
 * queue per organisation; status, assignment, internal notes, tasks, and messages with the victim
 * (stored by the intake module); consented sharing with other organisations, part by part;
 * retention, legacy import and exports. Holds special-category personal data of victims: coded
 * incidents, age band and flags in clear, and everything typed about a victim (narrative, contact
 * details, notes, task titles) encrypted with a data key per case. Every read and write by staff is
 * written to the audit trail in the same transaction, and every query is scoped to the reader's
 * organisation or a recorded consent in its SQL.
 */
@ApplicationModule(allowedDependencies = {"shared", "taxonomy", "identity", "audit", "intake", "directory"})
@NullMarked
package nl.vangnet.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
