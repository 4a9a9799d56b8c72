package nl.vangnet.intake;

import java.time.Instant;

/** The victim deleted their help request: every module must forget what it holds about it. */
public record HelpRequestDeleted(HelpRequestId helpRequestId, Instant deletedAt) {}
