/**
 * PDQ perceptual image hashing for Vangnet: an immutable 256-bit hash value, a hasher and a
 * matcher. Plain Java with no runtime dependencies, so platforms can use it on their own.
 */
package nl.vangnet.pdq;
