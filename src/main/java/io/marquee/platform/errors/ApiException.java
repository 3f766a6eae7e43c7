package io.marquee.platform.errors;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Base of every domain exception: the one advice turns it into problem+json with this status, title and detail.
 * Modules extend the subclasses with named exceptions ({@code TitleNotFoundException extends NotFoundException}).
 * The detail is shown to end users: write it for them, never include SQL, class names or secrets.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<FieldViolation> violations;

    protected ApiException(HttpStatus status, String type, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    protected ApiException(HttpStatus status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    /** Short machine-readable problem type, turned into {@code urn:marquee:problem:<type>}. */
    public String type() {
        return type;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /**
     * Extra members of the problem body (RFC 9457 extensions), e.g. {@code access_options} of a refused playback;
     * snake_case keys, values serialised like any response.
     */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
