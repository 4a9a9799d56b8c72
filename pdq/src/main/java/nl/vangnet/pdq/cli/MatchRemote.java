package nl.vangnet.pdq.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.pdq.Pdq;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.pdq.PdqResult;

/**
 * A small reference client for Vangnet's platform API: hashes images locally (or reads hashes from
 * standard input) and asks {@code POST /api/v1/match} in batches of at most 1000. The API key comes
 * from an environment variable, never from the command line, where other users could see it.
 * Deliberately dependency-free: it reads only the fields it prints from the JSON answer.
 */
final class MatchRemote {

    static final int BATCH = 1000;
    private static final Pattern RESULT = Pattern.compile("\\{\"hash\":\"([0-9a-f]{64})\"");
    private static final Pattern MATCH =
            Pattern.compile("\\{\"bank\":\"([^\"]+)\",\"reference\":\"([^\"]+)\",\"distance\":(\\d+)\\}");
    private static final Pattern REJECTED = Pattern.compile("\"rejected\":\"([^\"]+)\"");

    private MatchRemote() {}

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        String url = null;
        String keyVariable = "VANGNET_API_KEY";
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--url" -> url = value(args, ++i, "--url");
                case "--key-env" -> keyVariable = value(args, ++i, "--key-env");
                default -> {
                    if (arg.startsWith("--")) {
                        throw new PdqCli.UsageException("unknown option '" + arg + "' for match-remote");
                    }
                    files.add(arg);
                }
            }
        }
        if (url == null) {
            throw new PdqCli.UsageException("match-remote needs --url BASE (e.g. https://vangnet.example)");
        }
        String key = env.get(keyVariable);
        if (key == null || key.isBlank()) {
            throw new PdqCli.UsageException("set the API key in the environment variable " + keyVariable);
        }
        int status = PdqCli.OK;
        List<String> queries = new ArrayList<>();
        if (files.isEmpty()) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int lineNumber = 0;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    try {
                        queries.add(PdqHash.fromHex(text.split("[,\\s]")[0]).toHex());
                    } catch (IllegalArgumentException e) {
                        err.println("error: standard input line " + lineNumber + ": " + e.getMessage());
                        status = PdqCli.INPUT_FAILED;
                    }
                }
            } catch (IOException e) {
                err.println("error: reading standard input: " + e.getMessage());
                return PdqCli.INPUT_FAILED;
            }
        } else {
            for (String file : files) {
                try {
                    PdqResult result = Pdq.hasher().hash(Path.of(file));
                    queries.add("{\"hash\":\"" + result.hash().toHex() + "\",\"quality\":" + result.quality() + "}");
                } catch (IOException | RuntimeException e) {
                    err.println("error: " + file + ": " + e.getMessage());
                    status = PdqCli.INPUT_FAILED;
                }
            }
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI endpoint = URI.create(url.replaceAll("/+$", "") + "/api/v1/match");
        for (int from = 0; from < queries.size(); from += BATCH) {
            List<String> batch = queries.subList(from, Math.min(queries.size(), from + BATCH));
            StringBuilder body = new StringBuilder("{\"hashes\":[");
            for (int i = 0; i < batch.size(); i++) {
                String q = batch.get(i);
                body.append(i == 0 ? "" : ",").append(q.startsWith("{") ? q : "\"" + q + "\"");
            }
            body.append("]}");
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", "en")
                    .header("X-Api-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                err.println("error: " + endpoint + ": " + e.getMessage());
                return PdqCli.INPUT_FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PdqCli.INPUT_FAILED;
            }
            if (response.statusCode() != 200) {
                err.println("error: " + endpoint + " answered " + response.statusCode() + ": " + response.body());
                return PdqCli.INPUT_FAILED;
            }
            print(response.body(), out);
        }
        return status;
    }

    /** Prints "query,bank,reference,distance" per match and "query,rejected,reason" per rejection. */
    static void print(String json, PrintStream out) {
        Matcher results = RESULT.matcher(json);
        List<int[]> spans = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        while (results.find()) {
            spans.add(new int[] {results.start(), 0});
            hashes.add(results.group(1));
        }
        for (int r = 0; r < spans.size(); r++) {
            int start = spans.get(r)[0];
            int end = r + 1 < spans.size() ? spans.get(r + 1)[0] : json.length();
            String chunk = json.substring(start, end);
            Matcher matches = MATCH.matcher(chunk);
            while (matches.find()) {
                out.println(hashes.get(r) + "," + matches.group(1) + "," + matches.group(2) + "," + matches.group(3));
            }
            Matcher rejected = REJECTED.matcher(chunk);
            if (rejected.find()) {
                out.println(hashes.get(r) + ",rejected," + rejected.group(1));
            }
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new PdqCli.UsageException(option + " needs a value");
        }
        return args.get(index);
    }
}
