package nl.vangnet.identity;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccounts accounts;

    StaffUserDetailsService(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalized = username.trim().toLowerCase(Locale.ROOT);
        return accounts.byUsername(normalized)
                .map(account -> new StaffPrincipal(
                        account, accounts.passwordHash(normalized).orElseThrow()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}
