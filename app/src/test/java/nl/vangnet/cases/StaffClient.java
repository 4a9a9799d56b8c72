package nl.vangnet.cases;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's browser without a browser: its own cookies, form login, and form posts that
 * carry the CSRF token of the last page seen (other fields are always given explicitly).
 */
public final class StaffClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private final String language;
    private String csrf = "";

    public StaffClient(int port, String language) {
        this.base = "http://127.0.0.1:" + port;
        this.language = language;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static StaffClient loggedIn(int port, String username, String password) {
        StaffClient c = new StaffClient(port, "nl-NL");
        c.logIn(username, password);
        return c;
    }

    public void logIn(String username, String password) {
        get("/staff/login");
        HttpResponse<String> response = post("/staff/login", "username", username, "password", password);
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login failed for " + username);
        }
        // A page with a form, for a fresh CSRF token bound to the new session.
        get("/staff/account/password");
    }

    public HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .GET()
                .build()));
    }

    /** Posts a form with the CSRF token of the last page and the given name/value pairs. */
    public HttpResponse<String> post(String path, String... pairs) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            fields.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return post(path, fields);
    }

    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        StringBuilder body = new StringBuilder();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (!csrf.isEmpty() && fields.stream().noneMatch(f -> f.getKey().equals("_csrf"))) {
            all.add(Map.entry("_csrf", csrf));
        }
        for (Map.Entry<String, String> e : all) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build()));
    }

    /** Posts a multipart form: text fields plus one file, with the CSRF token of the last page. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, byte[] file) {
        String boundary = "----vangnet" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (!csrf.isEmpty()) {
            all.putIfAbsent("_csrf", csrf);
        }
        try {
            for (Map.Entry<String, String> e : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                                + e.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                            + "\"; filename=\"registraties.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build()));
    }

    /** Sends a request as is (for the JSON API: the session cookie goes along). */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
    }

    public String csrf() {
        return csrf;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }
}
