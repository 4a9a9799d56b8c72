/**
 * Research: versioned questionnaire instruments (data files with a generated codebook), survey
 * campaigns with anonymous links per school or class, the public respondent pages, and exports
 * for researchers (coded answers, codebook, SPSS and R syntax, quality flags). Respondents are
 * anonymous: answers carry no IP address, no link token and no precise time; free-text answers
 * are encrypted at rest. Contact details for an interview invitation are encrypted, kept apart
 * from the answers with nothing that links them, and deleted when the campaign closes. Depends
 * only on shared and taxonomy, never on cases or intake, so answers cannot be linked to help
 * requests or registrations.
 */
@ApplicationModule(allowedDependencies = {"shared", "taxonomy", "audit"})
@NullMarked
package nl.vangnet.survey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
