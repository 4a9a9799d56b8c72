package nl.vangnet.matching;

/** A hash bank with the Hamming distance up to which a hash counts as a match. */
public record Bank(String id, BankKind kind, int threshold) {}
