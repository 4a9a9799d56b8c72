/**
 * The help directory: organisations that help after online sexual violence, with the forms of
 * violence (taxonomy codes), needs, relations and ages they serve, their channels (chat, phone,
 * form, walk-in) with contact details and weekly opening hours in Europe/Amsterdam time, and the
 * referral rules that rank them for a situation. Administrators keep it up to date. Holds no
 * personal data: only public facts about organisations.
 */
@ApplicationModule(allowedDependencies = {"shared", "taxonomy", "audit"})
@NullMarked
package nl.vangnet.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
