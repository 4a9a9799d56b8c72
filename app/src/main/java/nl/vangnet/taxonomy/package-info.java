/**
 * The shared classification of online sexual violence: versioned code lists with Dutch and
 * English labels, dimensions, the mandatory-dimension rule per code, crosswalks from partners'
 * legacy categories, and validation of a coding. The taxonomy is data, loaded from versioned
 * resource files; cases keep the version they were coded with. Holds no personal data.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package nl.vangnet.taxonomy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
