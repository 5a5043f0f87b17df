package dev.atelier.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an app's served OpenAPI description ({@code GET /v3/api-docs}) against the one committed in
 * {@code docs/openapi/<app>.json}, so an API change shows up in review: the two must be the same JSON, and the served
 * one must be valid OpenAPI 3.1 to a real parser (swagger-parser). Run with {@code -Dopenapi.write=true} to rewrite
 * the committed file from what the app serves instead.
 */
public final class ApiDescriptions {

    /** The system property that rewrites the committed description instead of comparing with it. */
    public static final String WRITE = "openapi.write";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    private static final int DIFFERENCES_SHOWN = 20;

    private ApiDescriptions() {
    }

    /** Fetches {@code app}'s description from {@code http} and checks it as above; its module name names the file. */
    public static void assertServedIsCommitted(Http http, String app) {
        Http.Response served = http.get("localhost", "/v3/api-docs");
        assertThat(served.status()).as("GET /v3/api-docs: %s", served.body()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        JsonNode description = served.json();
        assertValidOpenApi31(served.body());

        Path committed = committedFile(app);
        String pretty = JSON.writeValueAsString(description) + "\n";
        if (Boolean.getBoolean(WRITE)) {
            write(committed, pretty);
            return;
        }
        Path copy = write(Path.of(System.getProperty("atelier.build.directory", "target"), "openapi", app + ".json"),
                pretty);
        if (!Files.exists(committed)) {
            fail("No committed OpenAPI description %s for %s (served one: %s). %s", committed, app, copy,
                    howToRefresh(app));
        }
        List<String> differences = new ArrayList<>();
        differences(JSON.readTree(read(committed)), description, "", differences);
        if (!differences.isEmpty()) {
            fail("The OpenAPI description %s serves differs from the committed %s at %s%s (served one: %s). If the API "
                    + "change is meant, %s", app, committed,
                    String.join(", ", differences.subList(0, Math.min(differences.size(), DIFFERENCES_SHOWN))),
                    differences.size() > DIFFERENCES_SHOWN ? " and more" : "", copy, howToRefresh(app));
        }
    }

    /** {@code json} parses as OpenAPI 3.1 with no message at all (errors, warnings, unsupported parts). */
    public static void assertValidOpenApi31(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(result.getOpenAPI()).as("parsed description").isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).as("OpenAPI version").startsWith("3.1");
    }

    private static String howToRefresh(String app) {
        return "rewrite the committed file from the served one and commit it: ./atelier mvn -pl " + app
                + " -am verify -Dspotless.check.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dit.test=OperationalEndpointsIT -Dfailsafe.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
    }

    /** {@code docs/openapi/<app>.json} of the checkout (failsafe names the folder; else the module's parent). */
    private static Path committedFile(String app) {
        return Path.of(System.getProperty("atelier.openapi.directory", "../docs/openapi"), app + ".json");
    }

    /** Adds the JSON pointers where {@code actual} differs from {@code expected}, stopping past a screenful. */
    private static void differences(JsonNode expected, JsonNode actual, String pointer, List<String> found) {
        if (found.size() > DIFFERENCES_SHOWN || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name) || !actual.has(name)) {
                    found.add(at + (expected.has(name) ? " (no longer served)" : " (new)"));
                } else {
                    differences(expected.get(name), actual.get(name), at, found);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                differences(expected.get(i), actual.get(i), pointer + "/" + i, found);
            }
        } else {
            found.add(pointer.isEmpty() ? "/" : pointer);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
