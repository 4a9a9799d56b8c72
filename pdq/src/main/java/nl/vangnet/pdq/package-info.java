/**
 * PDQ perceptual image hashing for Vangnet: an immutable 256-bit hash value, a hasher and an exact
 * Hamming-radius index. Plain Java with no runtime dependencies, so platforms can use it on their
 * own.
 *
 * <p>Victims hash their images on their own device; only hashes travel. This package therefore
 * never stores or logs pixels, and its hashes must agree with Meta's reference implementations
 * bit for bit as far as the image decoders allow, because platforms compare them with hashes made
 * elsewhere. The public API is {@link nl.vangnet.pdq.Pdq} (factories), {@link
 * nl.vangnet.pdq.PdqHasher}, {@link nl.vangnet.pdq.PdqIndex} and the value types; everything else
 * is package-private.
 */
package nl.vangnet.pdq;
