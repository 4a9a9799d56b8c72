package nl.vangnet.audit;

/** Every kind of audited action, as a closed list so reports and filters stay reliable. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGOUT,
    PASSWORD_CHANGED,
    ACCOUNT_CREATED,
    ACCOUNT_ENABLED,
    ACCOUNT_DISABLED,
    ACCOUNT_PASSWORD_RESET,
    ORGANISATION_CREATED,
    API_CLIENT_CREATED,
    API_CLIENT_REVOKED,
    AUDIT_VERIFIED
}
