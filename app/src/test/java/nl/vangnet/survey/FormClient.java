package nl.vangnet.survey;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser, for tests and the load benchmark: keeps its own cookies, reads
 * hidden form fields (the CSRF token, the sealed survey state) and posts forms over loopback.
 */
final class FormClient {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final HttpClient client;
    private final String base;
    private final String language;
    private String lastBody = "";

    FormClient(String base, String language) {
        this.base = base;
        this.language = language;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .GET()
                .build()));
    }

    /** Posts a form with the hidden fields of the last page plus {@code fields}. */
    HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        Map<String, String> hidden = hidden(lastBody);
        hidden.forEach((k, v) -> {
            if (fields.stream().noneMatch(f -> f.getKey().equals(k))) {
                all.add(Map.entry(k, v));
            }
        });
        all.addAll(fields);
        StringBuilder body = new StringBuilder();
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

    static List<Map.Entry<String, String>> fields(String... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            list.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return list;
    }

    static Map<String, String> hidden(String html) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            found.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return found;
    }

    String lastBody() {
        return lastBody;
    }

    /** Logs a staff member in through the login form. */
    void logIn(String username, String password) {
        get("/staff/login");
        HttpResponse<String> response = post("/staff/login", fields("username", username, "password", password));
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login failed for " + username);
        }
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        lastBody = response.body();
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
