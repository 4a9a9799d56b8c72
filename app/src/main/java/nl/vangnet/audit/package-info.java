/**
 * The audit trail: an append-only, hash-chained log of what staff and the system did, written in
 * the same transaction as the action it records, and a verifier that names the first broken
 * entry. Entries carry who (a staff username or {@code system}), what, when, the subject's type
 * and ID, and a reason where a role requires one; never victim free text.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package nl.vangnet.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
