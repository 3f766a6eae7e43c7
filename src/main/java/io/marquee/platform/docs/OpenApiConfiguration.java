package io.marquee.platform.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Conventions of the generated API description ({@code /openapi.json}, UI at {@code /docs}). Controllers add a
 * {@code @Tag} per module and an {@code @Operation(summary, description)} per endpoint; this class adds what is the
 * same everywhere: bearer authentication on {@code /api/v1} (except the public auth endpoints) and the problem+json
 * error responses, with examples. An operation's own error responses ({@code @ApiResponse(responseCode = "409",
 * description = ...)}) get the problem+json body here too, in place of the success type springdoc puts there.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "401", "Missing, invalid or expired access token",
            "422", "Invalid input: `errors[]` names each field",
            "429", "Rate limit exceeded: see `Retry-After` and `RateLimit` headers",
            "500", "Internal error: the body carries only `request_id`",
            "503", "Database or Redis temporarily unavailable: retry after `Retry-After` seconds");

    @Bean
    OpenAPI marqueeOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Marquee API")
                        .version("v1")
                        .description("Backend of an AI-native video-streaming service. JSON is snake_case, UUIDs are"
                                + " lowercase, datetimes are ISO-8601 UTC. Every error is `application/problem+json`"
                                + " with `type`, `title`, `status`, `detail`, `instance` and `request_id`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Access token from POST /api/v1/auth/login"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                boolean open = path.startsWith("/api/v1/auth/register")
                        || path.startsWith("/api/v1/auth/login")
                        || path.startsWith("/api/v1/auth/refresh");
                item.readOperations().forEach(operation -> {
                    if (!open) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                    }
                    ApiResponses responses =
                            operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                    responses.forEach((status, response) -> {
                        if (status.matches("[45]\\d\\d")) {
                            responses.put(status, problemResponse(response.getDescription()));
                        }
                    });
                    COMMON_ERRORS.forEach((status, description) -> {
                        if (!responses.containsKey(status) && !(open && status.equals("401"))) {
                            responses.addApiResponse(status, problemResponse(description));
                        }
                    });
                    operation.setResponses(responses);
                });
            });
        };
    }

    /** A problem+json response for an operation's own error cases. */
    static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    private static Schema<?> problemSchema() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().example("email"))
                .addProperty("message", new StringSchema().example("must be a well-formed email address"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:marquee:problem:validation"))
                .addProperty("title", new StringSchema().example("Unprocessable Content"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("Human-readable; front ends show it")
                                .example("Invalid field: email (must be a well-formed email address)"))
                .addProperty("instance", new StringSchema().example("/api/v1/auth/register"))
                .addProperty("request_id", new StringSchema().example("3f1c2a9e-8d4b-4c61-9a0e-2b7f5d1c8e4a"))
                .addProperty("errors", new ArraySchema().items(violation).description("Only on 422"));
    }
}
