package nl.vangnet.matching;

/** Where a banked hash came from; a victim can withdraw everything from their own source. */
public enum HashSource {
    HELP_REQUEST,
    CASE,
    STAFF
}
