package nl.vangnet.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Generates one-time passwords and checks chosen ones against a plain, explainable policy. */
final class Passwords {

    // No look-alike characters (0/O, 1/l/I), so a password read from a file or screen is typed right.
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private Passwords() {}

    /** A random password of about 5.7 bits per character; 24 characters give over 130 bits. */
    static String generate(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    /** The message keys of every policy rule a chosen password breaks. */
    static List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("password.too-long");
        }
        if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password.contains-username");
        }
        if (password.chars().distinct().count() < 5) {
            problems.add("password.too-simple");
        }
        return problems;
    }
}
