package nl.vangnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Page weight of every help-portal page over real HTTP with gzip, as a first visit with an empty
 * cache: the compressed HTML plus every stylesheet, script and icon it loads. The budget is 60 KB
 * per page (a victim may be on a slow, shared or metered connection). Writes the table to
 * {@code target/portal-page-weight.md} for docs/benchmarks.md. A byte budget is deterministic, so
 * it is asserted; speed is not.
 */
@VangnetIntegrationTest
class PortalPageWeightIT {

    static final int BUDGET = 60 * 1024;
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|svg))\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Map<String, int[]> weights = new LinkedHashMap<>();
    private String csrf = "";

    private record Fetched(String body, int compressedBytes) {}

    private Fetched fetch(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(
                    request.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] raw = response.body();
            boolean gzip =
                    response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
            byte[] plain = gzip ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes() : raw;
            String body = new String(plain, StandardCharsets.UTF_8);
            Matcher m = CSRF.matcher(body);
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Fetched(body, raw.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private Fetched measure(String name, HttpRequest.Builder request) {
        Fetched page = fetch(request);
        int total = page.compressedBytes();
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(page.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        for (String asset : assets) {
            total += fetch(HttpRequest.newBuilder(URI.create(base() + asset))).compressedBytes();
        }
        weights.put(name, new int[] {page.compressedBytes(), total});
        return page;
    }

    private Fetched get(String name, String path) {
        return measure(name, HttpRequest.newBuilder(URI.create(base() + path)));
    }

    private Fetched post(String name, String path, String... pairs) {
        List<String> form = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        form.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return measure(
                name,
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))));
    }

    @Test
    void scriptsAndStylesAreServedCompressed() throws IOException, InterruptedException {
        // pdq.js is the largest file a victim's phone loads; Spring serves .js as text/javascript.
        // (Files under 2 KB are sent as they are: compressing them gains nothing.)
        for (String asset : List.of("/js/pdq.js", "/css/vangnet.css")) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(base() + asset))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding"))
                    .as(asset)
                    .contains("gzip");
            byte[] plain = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
            assertThat(response.body().length).as(asset).isLessThan(plain.length);
        }
    }

    @Test
    void everyPortalPageStaysWithinSixtyKilobytesCompressed() throws IOException {
        get("start (NL) /", "/");
        get("start (EN) /help", "/help");
        get("question 1 /hulp/now", "/hulp/now");
        post("urgent screen /hulp/direct", "/hulp/now", "answer", "ongoing", "action", "next");
        post("question /hulp/demand", "/hulp/what", "answer", "threatened", "answer", "shared", "action", "next");
        post("question /hulp/images", "/hulp/demand", "answer", "money", "action", "next");
        post("question with an error", "/hulp/images", "answer", "yes", "urls", "geen adres", "action", "next");
        post("question /hulp/platforms", "/hulp/images", "answer", "yes", "action", "next");
        post("question /hulp/age", "/hulp/platforms", "answer", "instagram", "action", "next");
        post("question /hulp/who", "/hulp/age", "answer", "16-17", "action", "next");
        post("question /hulp/their-age", "/hulp/who", "answer", "stranger", "action", "next");
        post("question /hulp/need", "/hulp/their-age", "answer", "adult", "action", "next");
        post("question /hulp/barriers", "/hulp/need", "answer", "remove-images", "answer", "talk", "action", "next");
        post("question /hulp/told", "/hulp/barriers", "answer", "shame", "action", "next");
        post("help plan /hulp/plan", "/hulp/told", "answer", "nobody", "action", "next");
        Fetched saved = post("receipt /hulp/bewaard", "/hulp/plan", "askProfessional", "true");
        Matcher receipt = Pattern.compile("id=\"receipt\"><strong>([0-9 ]+)<").matcher(saved.body());
        assertThat(receipt.find()).isTrue();
        get("follow-up form /opvolgen", "/opvolgen");
        post("follow-up not found", "/opvolgen", "receipt", "1111 1111 1111 1111 1111");
        post("follow-up request /opvolgen/verzoek", "/opvolgen", "receipt", receipt.group(1));
        post("deleted /opvolgen/verwijderd", "/opvolgen/verwijderen", "confirm", "yes");
        get("follow-up form (EN) /follow-up", "/follow-up");

        String table = weights.entrySet().stream()
                .map(e -> String.format(
                        "| %s | %.1f KB | %.1f KB |", e.getKey(), e.getValue()[0] / 1024.0, e.getValue()[1] / 1024.0))
                .collect(Collectors.joining("\n"));
        Path out = Path.of("target", "portal-page-weight.md");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out, "| page | HTML (gzip) | page + CSS/JS/icon (gzip, cold cache) |\n|---|---|---|\n" + table + "\n");
        System.out.println(Files.readString(out));
        assertThat(weights).hasSize(21);
        assertThat(weights).allSatisfy((page, w) -> assertThat(w[1]).as(page).isLessThanOrEqualTo(BUDGET));
    }
}
