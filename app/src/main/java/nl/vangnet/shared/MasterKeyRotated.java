package nl.vangnet.shared;

import java.time.Instant;

/**
 * The master keyset changed (a key was added or old keys were dropped). Modules that cache
 * wrapped data keys in memory drop those caches, so nothing keeps using a wrapping the master key
 * can no longer open.
 */
public record MasterKeyRotated(int masterKeys, Instant at) {}
