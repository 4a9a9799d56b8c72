/**
 * Hash banks and re-upload blocking: PDQ hashes (and SHA-256 for exact copies) of victims' images,
 * computed on the victim's device and added only under a recorded consent, in separate banks for
 * images made under 18 and of adults; a staff bank for takedown work; the in-memory match index;
 * the platform API (match, delta feed, feedback). Never stores an image. The source of a hash
 * (help request or case) is kept so a victim can withdraw it; platforms see only an opaque
 * reference.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "intake", "cases", "pdq"})
@NullMarked
package nl.vangnet.matching;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
