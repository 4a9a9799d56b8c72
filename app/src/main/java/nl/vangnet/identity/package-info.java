/**
 * Who may do what: organisations, staff accounts with roles, form login with Argon2id password
 * hashes, login throttling, the first administrator and demo accounts, and the one security
 * configuration that lists every path rule. Holds staff names and usernames (personal data of
 * staff), never data of victims.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
@NullMarked
package nl.vangnet.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
