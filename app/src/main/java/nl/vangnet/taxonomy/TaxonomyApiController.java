package nl.vangnet.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vangnet.shared.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The taxonomy as JSON for partner systems, plus validation and crosswalk look-ups. */
@RestController
@RequestMapping(path = "/api/v1/taxonomy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Taxonomy", description = "The shared classification of online sexual violence")
class TaxonomyApiController {

    private final Taxonomies taxonomies;

    TaxonomyApiController(Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
    }

    @GetMapping
    @Operation(summary = "The current taxonomy version with every code and its dimensions")
    TaxonomyView current() {
        return TaxonomyView.of(taxonomies.current());
    }

    @GetMapping("/{version}")
    @Operation(summary = "One taxonomy version; old versions stay available because cases keep theirs")
    TaxonomyView version(@PathVariable String version) {
        return taxonomies
                .version(version)
                .map(TaxonomyView::of)
                .orElseThrow(() -> new ApiProblem(404, "taxonomy-version-not-found"));
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Validate a coding; 422 lists every problem at once",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                            {"code":"SXT-FIN","dimensions":{"victimAgeAtIncident":"16-17",\
                                            "motive":"financial","demand":["money"],"imagery":"real-consensual",\
                                            "reach":"not-shared"}}"""))))
    Map<String, Object> validate(@RequestBody ValidateRequest request) {
        TaxonomyVersion version = resolve(request.version());
        List<ApiProblem.Item> items = new ArrayList<>();
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        if (request.dimensions() != null) {
            request.dimensions().forEach((name, raw) -> {
                List<String> values = asValues(raw);
                if (values == null) {
                    items.add(ApiProblem.Item.of("value-wrong-type", "dimensions." + name, name));
                } else {
                    dimensions.put(name, values);
                }
            });
        }
        String code = request.code() == null ? "" : request.code();
        for (CodingProblem problem : taxonomies.validate(version, new Coding(code, dimensions))) {
            items.add(toItem(problem, code));
        }
        if (!items.isEmpty()) {
            throw new ApiProblem(422, "coding-invalid", items);
        }
        return Map.of("valid", true, "version", version.version());
    }

    @GetMapping("/crosswalk")
    @Operation(summary = "The legacy categories each crosswalk scheme knows")
    Map<String, List<String>> schemes() {
        Map<String, List<String>> schemes = new LinkedHashMap<>();
        for (Crosswalk.Row row : taxonomies.current().crosswalk()) {
            schemes.computeIfAbsent(row.scheme(), s -> new ArrayList<>()).add(row.category());
        }
        return schemes;
    }

    @PostMapping(path = "/crosswalk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The candidate codes for a partner's legacy category",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                    {"scheme":"nl-common","category":"wraakporno"}"""))))
    CrosswalkView crosswalk(@RequestBody CrosswalkRequest request) {
        TaxonomyVersion version = taxonomies.current();
        List<ApiProblem.Item> items = new ArrayList<>();
        if (request.scheme() == null || request.scheme().isBlank()) {
            items.add(ApiProblem.Item.of("scheme-missing", "scheme"));
        } else if (!version.schemes().contains(request.scheme())) {
            items.add(new ApiProblem.Item(
                    "unknown-scheme",
                    "scheme",
                    "problem.item.unknown-scheme",
                    List.of(request.scheme()),
                    Map.of("allowed", version.schemes())));
        }
        if (request.category() == null || request.category().isBlank()) {
            items.add(ApiProblem.Item.of("category-missing", "category"));
        }
        if (!items.isEmpty()) {
            throw new ApiProblem(422, "crosswalk-invalid", items);
        }
        return taxonomies
                .crosswalk(version, request.scheme(), request.category())
                .map(row -> new CrosswalkView(
                        version.version(),
                        row.scheme(),
                        row.category(),
                        row.needsDetail(),
                        row.candidates(),
                        row.note()))
                .orElseThrow(() -> new ApiProblem(
                        422,
                        "crosswalk-invalid",
                        List.of(ApiProblem.Item.of("unknown-category", "category", request.category()))));
    }

    private TaxonomyVersion resolve(@Nullable String version) {
        if (version == null || version.isBlank()) {
            return taxonomies.current();
        }
        return taxonomies
                .version(version)
                .orElseThrow(() -> new ApiProblem(
                        422,
                        "coding-invalid",
                        List.of(new ApiProblem.Item(
                                "unknown-version",
                                "version",
                                "problem.item.unknown-version",
                                List.of(version),
                                Map.of("allowed", taxonomies.versionNames())))));
    }

    private static @Nullable List<String> asValues(@Nullable Object raw) {
        if (raw instanceof String s) {
            return List.of(s);
        }
        if (raw instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return null;
    }

    private static ApiProblem.Item toItem(CodingProblem problem, String code) {
        String field = switch (problem.type()) {
            case CODE_MISSING, UNKNOWN_CODE -> "code";
            default -> "dimensions." + problem.dimension();
        };
        List<Object> arguments = new ArrayList<>();
        arguments.add(problem.dimension() == null ? "" : problem.dimension());
        arguments.add(problem.value() == null ? "" : problem.value());
        arguments.add(code);
        arguments.add(String.join(", ", problem.allowed()));
        Map<String, Object> details = new LinkedHashMap<>();
        if (problem.dimension() != null) {
            details.put("dimension", problem.dimension());
        }
        if (problem.value() != null) {
            details.put("value", problem.value());
        }
        if (!problem.allowed().isEmpty()) {
            details.put("allowed", problem.allowed());
        }
        return new ApiProblem.Item(
                problem.type().code(), field, "problem.item." + problem.type().code(), arguments, details);
    }

    record ValidateRequest(
            @Nullable String version,
            @Nullable String code,
            @Nullable Map<String, Object> dimensions) {}

    record CrosswalkRequest(
            @Nullable String scheme, @Nullable String category) {}

    record CrosswalkView(
            String version,
            String scheme,
            String category,
            boolean needsDetail,
            List<Crosswalk.Candidate> candidates,
            LocalizedText note) {}

    record TaxonomyView(
            String version,
            String publishedOn,
            LocalizedText note,
            List<CodeView> codes,
            List<DimensionView> dimensions) {

        static TaxonomyView of(TaxonomyVersion v) {
            return new TaxonomyView(
                    v.version(),
                    v.publishedOn(),
                    v.note(),
                    v.codes().stream().map(c -> CodeView.of(v, c)).toList(),
                    v.dimensions().stream().map(DimensionView::of).toList());
        }
    }

    record CodeView(
            String code,
            String group,
            LocalizedText label,
            LocalizedText definition,
            List<String> relatedArticles,
            List<CodeDimensionView> dimensions) {

        static CodeView of(TaxonomyVersion v, FormCode c) {
            return new CodeView(
                    c.code(),
                    c.group(),
                    c.label(),
                    c.definition(),
                    c.relatedArticles(),
                    v.dimensionsOf(c).stream()
                            .map(d -> new CodeDimensionView(
                                    d.dimension().name(),
                                    d.mandatory(),
                                    d.dimension().multiple(),
                                    d.dimension().text(),
                                    d.allowedValues()))
                            .toList());
        }
    }

    record CodeDimensionView(String name, boolean mandatory, boolean multiple, boolean text, List<String> values) {}

    record DimensionView(
            String name, LocalizedText label, boolean multiple, boolean text, List<Dimension.Value> values) {
        static DimensionView of(Dimension d) {
            return new DimensionView(d.name(), d.label(), d.multiple(), d.text(), d.values());
        }
    }
}
