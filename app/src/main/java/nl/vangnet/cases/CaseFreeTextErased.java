package nl.vangnet.cases;

import java.time.Instant;

/** Retention erased the free text of a closed case: other modules drop their free text about it too. */
public record CaseFreeTextErased(CaseId caseId, Instant at) {}
