package nl.vangnet.identity;

import java.time.Instant;

/** An organisation that helps victims and whose staff use Vangnet. */
public record Organisation(OrganisationId id, String name, OrganisationKind kind, Instant createdAt) {}
