package nl.vangnet.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vangnet.identity.ApiClient;
import nl.vangnet.shared.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The platform API: check uploads, follow the hash list, confirm or reject matches. */
@RestController
@Tag(name = "Platform matching", description = "Re-upload blocking with PDQ hashes; API key with scopes")
@SecurityRequirement(name = "apiKey")
class MatchApiController {

    private final HashBanks banks;

    MatchApiController(HashBanks banks) {
        this.banks = banks;
    }

    @PostMapping(
            path = "/api/v1/match",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Match 1 to 1000 PDQ hashes against the banks (scope MATCH)",
            description = "Each hash is 64 hex characters, or an object with hash and quality. Matches within the"
                    + " bank's threshold (default 31) are returned; hashes with quality below 50 are rejected"
                    + " with a reason.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                            {"hashes":["f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",\
                                            {"hash":"0000000000000000000000000000000000000000000000000000000000000000","quality":30}]}"""))))
    Map<String, Object> match(@RequestBody MatchRequest request, Authentication authentication) {
        List<HashBanks.Query> queries = new ArrayList<>();
        List<ApiProblem.Item> problems = new ArrayList<>();
        List<Object> hashes = request.hashes() == null ? List.of() : request.hashes();
        for (int i = 0; i < hashes.size(); i++) {
            Object h = hashes.get(i);
            if (h instanceof String s) {
                queries.add(new HashBanks.Query(s, null));
            } else if (h instanceof Map<?, ?> m
                    && m.get("hash") instanceof String s
                    && (m.get("quality") == null || m.get("quality") instanceof Integer)) {
                queries.add(new HashBanks.Query(s, (Integer) m.get("quality")));
            } else {
                problems.add(ApiProblem.Item.of("hash-entry-invalid", "hashes[" + i + "]", i));
                queries.add(new HashBanks.Query("", null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "hashes-invalid", problems);
        }
        return Map.of("results", banks.match(client(authentication), queries));
    }

    @GetMapping(path = "/api/v1/hashes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The delta feed of added and withdrawn hashes after a cursor (scope HASHES_READ)",
            description = "Start with cursor=0; keep the returned nextCursor and ask again while 'more' is true."
                    + " Paging is stable: a change never moves between pages.")
    HashBanks.Feed hashes(
            @RequestParam(name = "cursor", defaultValue = "0") long cursor,
            @RequestParam(name = "limit", defaultValue = "1000") int limit) {
        return banks.feed(cursor, limit);
    }

    @PostMapping(
            path = "/api/v1/match-feedback",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Confirm or reject a match after review (scope MATCH_FEEDBACK)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                            {"reference":"3f1c2a9e-8b7d-4c55-9a0e-2d6f4b1c7e90","verdict":"false-positive"}"""))))
    Map<String, Object> feedback(@RequestBody FeedbackRequest request, Authentication authentication) {
        banks.feedback(client(authentication), request.reference(), request.verdict());
        return Map.of("accepted", true);
    }

    private static ApiClient client(Authentication authentication) {
        return (ApiClient) authentication.getPrincipal();
    }

    record MatchRequest(@Nullable List<Object> hashes) {}

    record FeedbackRequest(
            @Nullable String reference, @Nullable String verdict) {}
}
