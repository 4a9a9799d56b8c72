package nl.vangnet.matching;

/** Counts per bank: hashes, matches reported by platforms, and their feedback. */
public record BankStatistics(String bankId, long active, long withdrawn, long matches, long confirmed, long rejected) {}
