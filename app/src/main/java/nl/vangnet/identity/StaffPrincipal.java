package nl.vangnet.identity;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in staff member as Spring Security sees them. The password hash is only here while
 * the login is checked and is erased afterwards.
 */
public final class StaffPrincipal implements UserDetails {

    private final StaffAccount account;
    private String passwordHash;

    StaffPrincipal(StaffAccount account, String passwordHash) {
        this.account = account;
        this.passwordHash = passwordHash;
    }

    public StaffAccountId accountId() {
        return account.id();
    }

    public OrganisationId organisationId() {
        return account.organisationId();
    }

    public String displayName() {
        return account.displayName();
    }

    public Set<Role> roles() {
        return account.roles();
    }

    public boolean hasRole(Role role) {
        return account.roles().contains(role);
    }

    public boolean mustChangePassword() {
        return account.mustChangePassword();
    }

    StaffAccount account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    void eraseCredentials() {
        passwordHash = "";
    }
}
