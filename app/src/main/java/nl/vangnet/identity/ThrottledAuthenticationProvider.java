package nl.vangnet.identity;

import java.time.Duration;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the login throttle before the password, counts failures after it, and records the
 * outcome in the audit trail. A locked account gets the same answer whether or not it exists.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AuditTrail audit;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, AuditTrail audit) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        Duration wait = throttle.waitFor(username, client);
        if (!wait.isZero()) {
            audit.record("anonymous", AuditAction.LOGIN_THROTTLED, null, null);
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username);
            if (result != null && result.getPrincipal() instanceof StaffPrincipal principal) {
                principal.eraseCredentials();
                audit.record(
                        principal.getUsername(),
                        AuditAction.LOGIN_SUCCEEDED,
                        "staff-account",
                        principal.accountId().toString());
            }
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(username, client);
            // The typed name is not recorded: people sometimes type their password into it.
            audit.record("anonymous", AuditAction.LOGIN_FAILED, null, null);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many failed attempts: wait before trying again. */
    static final class LoginThrottledException extends AuthenticationException {
        private final Duration wait;

        LoginThrottledException(Duration wait) {
            super("too many attempts");
            this.wait = wait;
        }

        Duration waitTime() {
            return wait;
        }
    }
}
