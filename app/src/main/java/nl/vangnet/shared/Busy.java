package nl.vangnet.shared;

/**
 * Thrown where Vangnet cannot take on more work right now (no database connection in time, no
 * free hashing slot). It becomes the calm "busy, your answers are kept, try again in a minute"
 * page or a 503 with {@code Retry-After} on the API, never a 500. Nothing was saved by the request
 * that got it, and nothing saved before it is touched.
 */
public final class Busy extends RuntimeException {

    public Busy(String what) {
        super(what, null, false, false);
    }
}
