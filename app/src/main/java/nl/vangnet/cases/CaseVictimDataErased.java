package nl.vangnet.cases;

import java.time.Instant;

/**
 * Everything about the victim in a case was erased (the victim deleted their request, or
 * retention removed the case): every module must forget what it holds for this case.
 *
 * @param caseRemoved true when the case file itself is gone too (retention), false when a
 *     tombstone with only the reference and dates remains
 */
public record CaseVictimDataErased(CaseId caseId, boolean caseRemoved, Instant at) {}
