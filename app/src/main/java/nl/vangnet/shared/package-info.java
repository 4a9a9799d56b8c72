/**
 * Shared foundation used by every module: configuration properties, the clock, the embedded
 * default database, language handling, the web layout, error handling (problem+json for the API,
 * plain pages for people) and request limits. Holds no personal data.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package nl.vangnet.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
