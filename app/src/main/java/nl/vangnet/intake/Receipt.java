package nl.vangnet.intake;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A receipt code: 20 digits shown once, in five groups of four. The first 8 digits are a
 * non-secret look-up number (unique, indexed) that finds the one row to check; the last 12
 * digits are the secret, stored only as an Argon2id hash. See docs/adr/0030.
 */
record Receipt(String lookupId, String secret) {

    static final int LOOKUP_DIGITS = 8;
    static final int SECRET_DIGITS = 12;
    static final int DIGITS = LOOKUP_DIGITS + SECRET_DIGITS;
    private static final SecureRandom RANDOM = new SecureRandom();

    static Receipt random() {
        return new Receipt(digits(LOOKUP_DIGITS), digits(SECRET_DIGITS));
    }

    Receipt withNewLookupId() {
        return new Receipt(digits(LOOKUP_DIGITS), secret);
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return s.toString();
    }

    /** Reads a code as typed: spaces, dashes and dots between the digits are ignored. */
    static Optional<Receipt> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s.\\-]", "");
        if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(new Receipt(digits.substring(0, LOOKUP_DIGITS), digits.substring(LOOKUP_DIGITS)));
    }

    /** The code as shown: {@code 1234 5678 9012 3456 7890}. */
    String formatted() {
        String all = lookupId + secret;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < all.length(); i += 4) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(all, i, i + 4);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        // Never print the secret, not even in a debugger's or a log's view of this record.
        return "Receipt[" + lookupId + " ************]";
    }
}
