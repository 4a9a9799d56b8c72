package nl.vangnet.takedown;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL as a takedown request keeps it: HTTP(S) only, no credentials, the host in ASCII (IDN
 * converted to punycode) and lower case, no default port, no fragment (it never reaches the
 * server), characters outside URL syntax percent-encoded. {@link #display()} shows the host in
 * Unicode for people; {@link #ascii()} is what notices and checks use.
 */
record TakedownUrl(String ascii, String display, String scheme, String host, String hostDisplay, int port) {

    static final int MAX_LENGTH = 2048;
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Why a piece of text is not a usable URL; each has a message {@code takedown.url.problem.<code>}. */
    enum Problem {
        EMPTY("empty"),
        TOO_LONG("too-long"),
        NOT_HTTP("not-http"),
        CREDENTIALS("credentials"),
        MALFORMED("malformed"),
        BAD_HOST("bad-host"),
        BAD_PORT("bad-port");

        final String code;

        Problem(String code) {
            this.code = code;
        }

        String messageKey() {
            return "takedown.url.problem." + code;
        }
    }

    /** Thrown for text that cannot become a takedown URL. */
    static final class Invalid extends Exception {
        private final Problem problem;

        Invalid(Problem problem) {
            super(problem.code, null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /** Whether the host was given as an IDN, so people should see both forms. */
    public boolean internationalised() {
        return !host.equals(hostDisplay);
    }

    /**
     * The key under which two URLs count as the same content: the scheme is left out, because the
     * same image over http and https is one takedown.
     */
    String duplicateKey() {
        return ascii.substring(ascii.indexOf("://") + 3);
    }

    boolean hostIsAddress() {
        return host.startsWith("[") || IPV4.matcher(host).matches();
    }

    URI uri() {
        return URI.create(ascii);
    }

    static TakedownUrl parse(String input) throws Invalid {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new Invalid(Problem.EMPTY);
        }
        if (text.length() > MAX_LENGTH) {
            throw new Invalid(Problem.TOO_LONG);
        }
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new Invalid(Problem.MALFORMED);
        }
        String scheme;
        String rest;
        Matcher m = SCHEME.matcher(text);
        if (m.matches() && m.group(2).startsWith("//")) {
            scheme = m.group(1).toLowerCase(Locale.ROOT);
            rest = m.group(2).substring(2);
        } else if (m.matches() && !m.group(1).contains(".") && !m.group(2).matches("\\d.*")) {
            // mailto:, javascript:, data:, ftp without slashes …: a scheme, just not ours.
            throw new Invalid(Problem.NOT_HTTP);
        } else if (text.startsWith("//")) {
            scheme = "https";
            rest = text.substring(2);
        } else {
            // Pasted without a scheme ("example.com/x"): the web assumes https today.
            scheme = "https";
            rest = text;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Invalid(Problem.NOT_HTTP);
        }
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        if (authority.contains("@")) {
            throw new Invalid(Problem.CREDENTIALS);
        }
        String hostPart;
        String portPart = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new Invalid(Problem.BAD_HOST);
            }
            hostPart = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new Invalid(Problem.BAD_HOST);
                }
                portPart = after.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            hostPart = colon < 0 ? authority : authority.substring(0, colon);
            portPart = colon < 0 ? null : authority.substring(colon + 1);
        }
        String host = asciiHost(hostPart);
        String hostDisplay = host.startsWith("[") ? host : displayHost(host);
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = defaultPort;
        if (portPart != null && !portPart.isEmpty()) {
            if (!portPart.matches("\\d{1,5}")) {
                throw new Invalid(Problem.BAD_PORT);
            }
            port = Integer.parseInt(portPart);
            if (port < 1 || port > 65535) {
                throw new Invalid(Problem.BAD_PORT);
            }
        }
        int hash = tail.indexOf('#');
        if (hash >= 0) {
            tail = tail.substring(0, hash);
        }
        String pathAndQuery = encode(tail);
        if (pathAndQuery.isEmpty() || pathAndQuery.startsWith("?")) {
            pathAndQuery = "/" + pathAndQuery;
        }
        String portSuffix = port == defaultPort ? "" : ":" + port;
        String ascii = scheme + "://" + host + portSuffix + pathAndQuery;
        String display = scheme + "://" + hostDisplay + portSuffix + pathAndQuery;
        if (ascii.length() > MAX_LENGTH) {
            throw new Invalid(Problem.TOO_LONG);
        }
        try {
            URI check = new URI(ascii);
            if (check.getHost() == null) {
                throw new Invalid(Problem.BAD_HOST);
            }
        } catch (java.net.URISyntaxException e) {
            throw new Invalid(Problem.MALFORMED);
        }
        return new TakedownUrl(ascii, display, scheme, host, hostDisplay, port);
    }

    private static String asciiHost(String raw) throws Invalid {
        if (raw.isEmpty()) {
            throw new Invalid(Problem.BAD_HOST);
        }
        if (raw.startsWith("[")) {
            String literal = raw.substring(1, raw.length() - 1);
            if (!literal.contains(":") || !literal.matches("[0-9a-fA-F:.]+")) {
                throw new Invalid(Problem.BAD_HOST);
            }
            try {
                InetAddress address = InetAddress.ofLiteral(literal);
                return "[" + address.getHostAddress() + "]";
            } catch (IllegalArgumentException e) {
                throw new Invalid(Problem.BAD_HOST);
            }
        }
        String host = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (IPV4.matcher(host).matches()) {
            try {
                return InetAddress.ofLiteral(host).getHostAddress();
            } catch (IllegalArgumentException e) {
                throw new Invalid(Problem.BAD_HOST);
            }
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new Invalid(Problem.BAD_HOST);
        }
        if (ascii.length() > 253 || !ascii.contains(".")) {
            throw new Invalid(Problem.BAD_HOST);
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new Invalid(Problem.BAD_HOST);
            }
        }
        String tld = ascii.substring(ascii.lastIndexOf('.') + 1);
        if (tld.matches("\\d+")) {
            throw new Invalid(Problem.BAD_HOST);
        }
        return ascii;
    }

    private static String displayHost(String ascii) {
        try {
            return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return ascii;
        }
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Percent-encodes what may not stand in a path or query; existing escapes are kept (hex in upper case). */
    private static String encode(String s) throws Invalid {
        StringBuilder out = new StringBuilder(s.length() + 16);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%') {
                if (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2])) {
                    throw new Invalid(Problem.MALFORMED);
                }
                out.append('%')
                        .append(Character.toUpperCase((char) bytes[i + 1]))
                        .append(Character.toUpperCase((char) bytes[i + 2]));
                i += 2;
            } else if (b < 0x80 && allowed((char) b)) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b));
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    @Override
    public String toString() {
        // URLs identify victims' images: never let one slip into a log line by accident.
        return "TakedownUrl[" + host + "]";
    }
}
