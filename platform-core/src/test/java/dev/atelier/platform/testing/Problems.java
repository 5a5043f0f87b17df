package dev.atelier.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Checks that an answer is a complete RFC 9457 problem and nothing more revealing. */
public final class Problems {

    private Problems() {
    }

    public static JsonNode assertProblem(Http.Response response, int status, String typeSuffix) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as("content type").isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).startsWith("https://").endsWith("/" + typeSuffix);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.atelier")
                .doesNotContain("org.springframework");
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> {
                assertThat(error.get("field").asString()).isNotBlank();
                assertThat(error.get("message").asString()).isNotBlank();
            });
        }
        return problem;
    }
}
