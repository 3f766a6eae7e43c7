package io.marquee.platform.errors;

import io.marquee.platform.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one problem+json model (RFC 9457) of Marquee: {@code type, title, status, detail, instance, request_id} and,
 * for 422, {@code errors[]}. Used by the exception advice, the error page, the security layer and servlet filters,
 * so that every status looks the same.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_PREFIX = "urn:marquee:problem:";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** The body of a problem, keys in contract order. */
    public static Map<String, Object> body(
            HttpStatus status, String type, String detail, String instance, List<FieldViolation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("request_id", RequestContext.requestId());
        if (!violations.isEmpty()) {
            body.put("errors", violations);
        }
        return body;
    }

    public static Map<String, Object> body(HttpStatus status, String type, String detail, String instance) {
        return body(status, type, detail, instance, List.of());
    }

    /** One line for a 422 detail: "2 invalid fields: email (must be a well-formed email address); password (…)". */
    public static String summary(List<FieldViolation> violations) {
        String fields = violations.stream()
                .map(v -> v.field() + " (" + v.message() + ")")
                .collect(Collectors.joining("; "));
        return violations.size() == 1 ? "Invalid field: " + fields : violations.size() + " invalid fields: " + fields;
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC (filters, security). */
    public void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(status, type, detail, request.getRequestURI()));
    }
}
