package nl.vangnet.matching;

/** A platform's verdict on a match after human review. */
public enum Verdict {
    TRUE_POSITIVE,
    FALSE_POSITIVE
}
