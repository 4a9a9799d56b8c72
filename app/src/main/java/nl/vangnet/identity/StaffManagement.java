package nl.vangnet.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's facade: organisations and staff accounts are created, enabled, disabled
 * and given new passwords only through here, and every change is written to the audit trail in
 * the same transaction.
 */
@Service
public class StaffManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,39}");
    static final int GENERATED_PASSWORD_LENGTH = 20;

    private final Organisations organisations;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    StaffManagement(
            Organisations organisations,
            StaffAccounts accounts,
            PasswordEncoder encoder,
            AuditTrail audit,
            Clock clock) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Organisation> organisations() {
        return organisations.all();
    }

    public Optional<Organisation> organisation(OrganisationId id) {
        return organisations.byId(id);
    }

    List<StaffAccount> accounts() {
        return accounts.all();
    }

    boolean hasAccounts() {
        return accounts.count() > 0;
    }

    Optional<StaffAccount> account(String username) {
        return accounts.byUsername(username);
    }

    @Transactional
    public Organisation createOrganisation(String actor, String name, OrganisationKind kind) {
        String trimmed = name == null ? "" : name.strip();
        List<String> problems = new ArrayList<>();
        if (trimmed.length() < 2 || trimmed.length() > 120 || trimmed.chars().anyMatch(Character::isISOControl)) {
            problems.add("organisation.name.invalid");
        } else if (organisations.byName(trimmed).isPresent()) {
            problems.add("organisation.name.taken");
        }
        if (!problems.isEmpty()) {
            throw new IdentityProblem(problems);
        }
        Organisation organisation = new Organisation(OrganisationId.random(), trimmed, kind, clock.instant());
        organisations.add(organisation);
        audit.record(
                actor,
                AuditAction.ORGANISATION_CREATED,
                "organisation",
                organisation.id().toString());
        return organisation;
    }

    /** Creates an account with a generated one-time password that must be changed at first login. */
    @Transactional
    public NewAccount createAccount(
            String actor, String username, String displayName, OrganisationId organisationId, Set<Role> roles) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String name = displayName == null ? "" : displayName.strip();
        List<String> problems = new ArrayList<>();
        if (!USERNAME.matcher(normalized).matches()) {
            problems.add("account.username.invalid");
        } else if (accounts.byUsername(normalized).isPresent()) {
            problems.add("account.username.taken");
        }
        if (name.isEmpty() || name.length() > 120 || name.chars().anyMatch(Character::isISOControl)) {
            problems.add("account.display-name.invalid");
        }
        if (organisations.byId(organisationId).isEmpty()) {
            problems.add("account.organisation.unknown");
        }
        if (roles.isEmpty()) {
            problems.add("account.roles.missing");
        }
        if (!problems.isEmpty()) {
            throw new IdentityProblem(problems);
        }
        String password = Passwords.generate(GENERATED_PASSWORD_LENGTH);
        StaffAccount account = new StaffAccount(
                StaffAccountId.random(), normalized, name, organisationId, roles, true, true, clock.instant(), 0);
        accounts.add(account, encoder.encode(password));
        audit.record(
                actor,
                AuditAction.ACCOUNT_CREATED,
                "staff-account",
                account.id().toString(),
                null,
                Map.of(
                        "roles",
                        String.join(",", roles.stream().map(Role::name).sorted().toList())));
        return new NewAccount(account, password);
    }

    /** Creates an account with a chosen password (first administrator, demo accounts). */
    @Transactional
    StaffAccount createAccountWithPassword(
            String actor,
            String username,
            String displayName,
            OrganisationId organisationId,
            Set<Role> roles,
            String password,
            boolean mustChange) {
        StaffAccount account = new StaffAccount(
                StaffAccountId.random(),
                username,
                displayName,
                organisationId,
                roles,
                true,
                mustChange,
                clock.instant(),
                0);
        accounts.add(account, encoder.encode(password));
        audit.record(
                actor,
                AuditAction.ACCOUNT_CREATED,
                "staff-account",
                account.id().toString());
        return account;
    }

    @Transactional
    public void setEnabled(String actor, StaffAccountId id, boolean enabled) {
        StaffAccount account = accounts.byId(id).orElseThrow(() -> new IdentityProblem(List.of("account.unknown")));
        if (account.username().equals(actor) && !enabled) {
            throw new IdentityProblem(List.of("account.cannot-disable-self"));
        }
        accounts.setEnabled(id, enabled);
        audit.record(
                actor,
                enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED,
                "staff-account",
                id.toString());
    }

    /** Gives an account a new one-time password, to be changed at next login. */
    @Transactional
    public String resetPassword(String actor, StaffAccountId id) {
        accounts.byId(id).orElseThrow(() -> new IdentityProblem(List.of("account.unknown")));
        String password = Passwords.generate(GENERATED_PASSWORD_LENGTH);
        accounts.changePassword(id, encoder.encode(password), true, clock.instant());
        audit.record(actor, AuditAction.ACCOUNT_PASSWORD_RESET, "staff-account", id.toString());
        return password;
    }

    /** A staff member changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String username, String current, String chosen, String repeated) {
        StaffAccount account =
                accounts.byUsername(username).orElseThrow(() -> new IdentityProblem(List.of("account.unknown")));
        List<String> problems = new ArrayList<>();
        String hash = accounts.passwordHash(username).orElseThrow();
        if (current == null || !encoder.matches(current, hash)) {
            problems.add("password.current-wrong");
        }
        if (chosen == null || !chosen.equals(repeated)) {
            problems.add("password.repeat-differs");
        }
        if (chosen != null) {
            problems.addAll(Passwords.problems(chosen, username));
            if (current != null && chosen.equals(current)) {
                problems.add("password.same-as-current");
            }
        }
        if (!problems.isEmpty()) {
            throw new IdentityProblem(problems);
        }
        accounts.changePassword(account.id(), encoder.encode(chosen), false, clock.instant());
        audit.record(
                username,
                AuditAction.PASSWORD_CHANGED,
                "staff-account",
                account.id().toString());
    }

    /** A new account and its one-time password, shown once to the administrator. */
    public record NewAccount(StaffAccount account, String oneTimePassword) {}

    /** A refused identity change, with the message keys that explain why. */
    public static class IdentityProblem extends RuntimeException {
        private final List<String> messageKeys;

        IdentityProblem(List<String> messageKeys) {
            super(String.join(",", messageKeys));
            this.messageKeys = List.copyOf(messageKeys);
        }

        public List<String> messageKeys() {
            return messageKeys;
        }
    }
}
