package nl.vangnet.identity;

/** What an API client may do. */
public enum ApiScope {
    /** Check hashes against the hash banks ({@code POST /api/v1/match}). */
    MATCH,
    /** Follow the hash delta feed ({@code GET /api/v1/hashes}). */
    HASHES_READ,
    /** Confirm or reject matches ({@code POST /api/v1/match-feedback}). */
    MATCH_FEEDBACK,
    /** Submit help requests on a victim's behalf (partner apps and chat services). */
    HELP_REQUESTS;

    public String authority() {
        return "SCOPE_" + name();
    }
}
