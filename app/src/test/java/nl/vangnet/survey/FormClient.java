package nl.vangnet.survey;

import java.io.IOException;
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

    /** One client for all instances (the load benchmark runs a thousand); cookies are kept per instance. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    private final String base;
    private final String language;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastBody = "";

    FormClient(String base, String language) {
        this.base = base;
        this.language = language;
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
        HttpRequest.Builder withCookies =
                HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(120));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ")
                    .append(k)
                    .append('=')
                    .append(v));
            withCookies.header("Cookie", header.toString());
        }
        try {
            HttpResponse<String> response = CLIENT.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(
                            pair.substring(0, eq).strip(),
                            pair.substring(eq + 1).strip());
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
