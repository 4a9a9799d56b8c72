package nl.vangnet.takedown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP/1.1 GET client for URLs chosen by strangers. It resolves each host once through the
 * {@link HostResolver}, refuses the request if any resolved address is not allowed by the {@link
 * AddressPolicy}, and connects the socket to a checked address itself, so the address that was
 * checked is the one that is used (a resolver answering differently the second time cannot move
 * the connection into the private network). TLS verifies the certificate against the host name,
 * not the address. Every redirect hop goes through the same checks. Redirects, header size, body
 * size and total time are bounded; bodies are only ever held in memory.
 */
final class OutboundFetcher {

    /** What to do with the response body. */
    enum BodyPolicy {
        /** Read no body: status and headers answer the question. */
        NONE,
        /** Read the body only when it is an image (for the in-memory PDQ comparison). */
        IMAGES,
        /** Always read the body (RDAP JSON, bootstrap files). */
        ALWAYS
    }

    /** Why a fetch did not produce a response. */
    enum Failure {
        UNRESOLVABLE,
        UNREACHABLE,
        TIMEOUT,
        TLS,
        PROTOCOL,
        TOO_LARGE,
        TOO_MANY_REDIRECTS
    }

    /** The outcome of a fetch. */
    sealed interface Result {
        int redirects();
    }

    /** The final response after following redirects. */
    record Response(
            int status,
            URI finalUri,
            int redirects,
            @Nullable String contentType,
            byte @Nullable [] body) implements Result {
        boolean isImage() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/");
        }
    }

    /**
     * The policy refused a hop.
     *
     * @param reason {@code not-http}, {@code credentials}, {@code loopback}, {@code private},
     *     {@code link-local} or {@code special}
     */
    record Refused(String reason, int redirects) implements Result {}

    /** The network or the server failed. */
    record Failed(Failure failure, int redirects) implements Result {}

    private static final int MAX_HEADER_BYTES = 32 * 1024;
    private static final int MAX_HEADERS = 100;

    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final TakedownProperties.Fetch limits;

    OutboundFetcher(HostResolver resolver, AddressPolicy policy, TakedownProperties.Fetch limits) {
        this.resolver = resolver;
        this.policy = policy;
        this.limits = limits;
    }

    AddressPolicy policy() {
        return policy;
    }

    /** Resolves a host name (or reads an address literal) within the time limit. */
    List<InetAddress> resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.contains(":") || bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            try {
                return List.of(InetAddress.ofLiteral(bare));
            } catch (IllegalArgumentException e) {
                throw new UnknownHostException("not an address literal");
            }
        }
        // The system resolver has no timeout of its own; a virtual thread bounds the wait.
        CompletableFuture<List<InetAddress>> lookup = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                lookup.complete(resolver.resolve(bare));
            } catch (Throwable e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            return lookup.get(limits.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UnknownHostException u ? u : new UnknownHostException("resolver failed");
        } catch (TimeoutException e) {
            throw new UnknownHostException("resolver timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException("interrupted");
        }
    }

    Result get(URI start, BodyPolicy bodyPolicy, String accept) {
        return get(start, bodyPolicy, accept, limits.maxBodyBytes());
    }

    Result get(URI start, BodyPolicy bodyPolicy, String accept, long maxBodyBytes) {
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        URI current = start;
        for (int hop = 0; ; hop++) {
            String refusal = checkSyntax(current);
            if (refusal != null) {
                return new Refused(refusal, hop);
            }
            String host = current.getHost();
            List<InetAddress> addresses;
            try {
                addresses = resolve(host);
            } catch (UnknownHostException e) {
                return new Failed(Failure.UNRESOLVABLE, hop);
            }
            if (addresses.isEmpty()) {
                return new Failed(Failure.UNRESOLVABLE, hop);
            }
            for (InetAddress address : addresses) {
                if (!policy.allows(address)) {
                    return new Refused(
                            AddressPolicy.kind(address)
                                    .name()
                                    .toLowerCase(Locale.ROOT)
                                    .replace('_', '-'),
                            hop);
                }
            }
            Result result;
            try {
                Exchange exchange = exchange(current, addresses, bodyPolicy, accept, maxBodyBytes, deadline);
                if (exchange.location() != null) {
                    if (hop >= limits.maxRedirects()) {
                        return new Failed(Failure.TOO_MANY_REDIRECTS, hop);
                    }
                    try {
                        current = current.resolve(new URI(exchange.location()));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        return new Failed(Failure.PROTOCOL, hop);
                    }
                    continue;
                }
                result = new Response(exchange.status(), current, hop, exchange.contentType(), exchange.body());
            } catch (BodyTooLarge e) {
                result = new Failed(Failure.TOO_LARGE, hop);
            } catch (SocketTimeoutException e) {
                result = new Failed(Failure.TIMEOUT, hop);
            } catch (SSLException e) {
                result = new Failed(Failure.TLS, hop);
            } catch (ConnectException | NoRouteToHostException e) {
                result = new Failed(Failure.UNREACHABLE, hop);
            } catch (ProtocolError e) {
                result = new Failed(Failure.PROTOCOL, hop);
            } catch (IOException e) {
                result = new Failed(Failure.UNREACHABLE, hop);
            }
            return result;
        }
    }

    private static @Nullable String checkSyntax(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "not-http";
        }
        if (uri.getRawUserInfo() != null) {
            return "credentials";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "not-http";
        }
        return null;
    }

    private record Exchange(
            int status, @Nullable String location, @Nullable String contentType, byte @Nullable [] body) {}

    private Exchange exchange(
            URI uri, List<InetAddress> addresses, BodyPolicy bodyPolicy, String accept, long maxBody, long deadline)
            throws IOException {
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        String host = uri.getHost();
        try (Socket socket = connect(addresses, port, deadline)) {
            Socket channel = tls ? tls(socket, bare(host), port, deadline) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(request(uri, host, port, tls, accept).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new DeadlineStream(channel, channel.getInputStream(), limits.readTimeout(), deadline);
            int status = statusLine(readLine(in, MAX_HEADER_BYTES));
            Map<String, String> headers = headers(in);
            String location = headers.get("location");
            if (location != null && location.isEmpty()) {
                throw new ProtocolError();
            }
            if (status >= 300 && status < 400 && status != 304 && location != null) {
                return new Exchange(status, location, null, null);
            }
            String contentType = headers.get("content-type");
            boolean image =
                    contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/");
            boolean read =
                    bodyPolicy == BodyPolicy.ALWAYS || (bodyPolicy == BodyPolicy.IMAGES && image && status == 200);
            if (!read) {
                return new Exchange(status, null, contentType, null);
            }
            return new Exchange(status, null, contentType, body(in, headers, maxBody));
        }
    }

    private Socket connect(List<InetAddress> addresses, int port, long deadline) throws IOException {
        IOException last = new ConnectException("no address");
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int)
                        Math.max(1, Math.min(limits.connectTimeout().toMillis(), remainingMillis(deadline))));
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
                if (remainingMillis(deadline) <= 0) {
                    throw new SocketTimeoutException("deadline");
                }
            }
        }
        throw last;
    }

    private static String bare(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static Socket tls(Socket plain, String host, int port, long deadline) throws IOException {
        SSLSocket socket;
        try {
            socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(plain, host, port, true);
        } catch (NoSuchAlgorithmException e) {
            throw new SSLException("no TLS", e);
        }
        SSLParameters parameters = socket.getSSLParameters();
        // Verify the certificate against the name in the URL although the socket went to an address.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        boolean literal = host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.setSoTimeout((int) Math.max(1, remainingMillis(deadline)));
        socket.startHandshake();
        return socket;
    }

    private String request(URI uri, String host, int port, boolean tls, String accept) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (tls ? 443 : 80);
        String hostHeader = defaultPort ? host : host + ":" + port;
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "User-Agent: " + limits.userAgent() + "\r\n"
                + "Accept: " + accept + "\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n\r\n";
    }

    private static int statusLine(String line) throws ProtocolError {
        // "HTTP/1.1 200 OK"
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ProtocolError();
        }
        try {
            int status = Integer.parseInt(parts[1]);
            if (status < 100 || status > 999) {
                throw new ProtocolError();
            }
            return status;
        } catch (NumberFormatException e) {
            throw new ProtocolError();
        }
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        for (int count = 0; ; count++) {
            String line = readLine(in, MAX_HEADER_BYTES - total);
            total += line.length() + 2;
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new ProtocolError();
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolError();
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> name.equals("location") || name.equals("content-length") ? "" : a);
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers, long max) throws IOException {
        String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (encoding.contains("chunked")) {
            while (true) {
                String sizeLine = readLine(in, 1024);
                int semicolon = sizeLine.indexOf(';');
                String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new ProtocolError();
                }
                if (size < 0) {
                    throw new ProtocolError();
                }
                if (size == 0) {
                    while (!readLine(in, MAX_HEADER_BYTES).isEmpty()) {
                        // trailers are read and ignored
                    }
                    return out.toByteArray();
                }
                if (out.size() + size > max) {
                    throw new BodyTooLarge();
                }
                copy(in, out, size);
                if (!readLine(in, 16).isEmpty()) {
                    throw new ProtocolError();
                }
            }
        }
        String length = headers.get("content-length");
        if (length != null) {
            long size;
            try {
                size = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new ProtocolError();
            }
            if (size < 0) {
                throw new ProtocolError();
            }
            if (size > max) {
                throw new BodyTooLarge();
            }
            copy(in, out, size);
            return out.toByteArray();
        }
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > max) {
                throw new BodyTooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long size) throws IOException {
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new ProtocolError();
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String readLine(InputStream in, int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (line.isEmpty()) {
                    throw new ProtocolError();
                }
                return line.toString();
            }
            if (c == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            if (line.length() >= max) {
                throw new ProtocolError();
            }
            line.append((char) c);
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** Reads with a per-read timeout that never reaches past the overall deadline (slow-drip servers end too). */
    private static final class DeadlineStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long readTimeoutMillis;
        private final long deadline;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;

        DeadlineStream(Socket socket, InputStream in, Duration readTimeout, long deadline) {
            this.socket = socket;
            this.in = in;
            this.readTimeoutMillis = readTimeout.toMillis();
            this.deadline = deadline;
        }

        private boolean fill() throws IOException {
            long remaining = remainingMillis(deadline);
            if (remaining <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(readTimeoutMillis, remaining)));
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            if (position >= limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= limit && !fill()) {
                return -1;
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }
    }

    private static class ProtocolError extends IOException {
        ProtocolError() {
            super("protocol", null);
        }
    }

    private static final class BodyTooLarge extends ProtocolError {}
}
