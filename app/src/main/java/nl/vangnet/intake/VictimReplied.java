package nl.vangnet.intake;

import java.time.Instant;

/** The victim wrote a message on their help request (the text stays encrypted in intake). */
public record VictimReplied(HelpRequestId helpRequestId, Instant at) {}
