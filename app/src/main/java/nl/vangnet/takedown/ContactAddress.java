package nl.vangnet.takedown;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks for the addresses a notice goes to: an e-mail address or the https URL of a web form. */
final class ContactAddress {

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** Countries whose hosts get notices in Dutch; everyone else gets English. */
    private static final Set<String> DUTCH_SPEAKING = Set.of("NL", "BE", "SR", "AW", "CW", "SX", "BQ");

    private ContactAddress() {}

    static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    static boolean isWebForm(String value) {
        if (value == null || value.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static boolean isCountry(String value) {
        return value != null && value.matches("[A-Z]{2}");
    }

    /** The notice language for a host in this country: Dutch for Dutch-speaking countries, else English. */
    static String languageFor(String country) {
        return country != null && DUTCH_SPEAKING.contains(country.toUpperCase(Locale.ROOT)) ? "nl" : "en";
    }
}
