package dev.atelier.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Describes what every API operation answers when it does not succeed: a problem ({@code application/problem+json},
 * RFC 9457) as {@link ProblemDetailsAdvice} and the security rules write it, with {@code errors} naming each invalid
 * field. The health endpoints are left as they are: they answer their own body, also when down.
 */
final class ProblemAnswers implements GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";

    private static final String FIELD_ERROR = "FieldError";

    @Override
    public void customise(OpenAPI description) {
        if (description.getPaths() == null) {
            return;
        }
        ApiResponse problem = new ApiResponse().description("A problem: the status, its type and what to do about it")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        description.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/actuator/")) {
                item.readOperations().forEach(operation -> operation.getResponses().addApiResponse("default", problem));
            }
        });
        description.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_ERROR, fieldErrorSchema());
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().required(List.of("type", "title", "status", "detail"))
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors",
                        new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                                .description("For invalid input: each invalid field"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema().required(List.of("field", "message"))
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
    }
}
