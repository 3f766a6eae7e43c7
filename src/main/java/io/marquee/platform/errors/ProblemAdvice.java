package io.marquee.platform.errors;

import io.marquee.platform.web.RequestBodyTooLargeException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions become problem+json. Framework exceptions get a human detail of our own (never the
 * framework's message); anything unexpected is logged with its stack trace and answered 500 "Internal error".
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return problem(e.status(), e.type(), e.getMessage(), request, e.violations(), e.extensions());
    }

    /** A transaction that cannot begin has no connection: the database is unreachable or every connection is busy. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        QueryTimeoutException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<Object> unavailable(Exception e, HttpServletRequest request) {
        log.warn("Backing service unavailable: {}", e.getMessage());
        return unavailable(request);
    }

    static boolean isUnavailable(Throwable e) {
        return causedBy(e, DataAccessResourceFailureException.class) != null
                || causedBy(e, QueryTimeoutException.class) != null
                || causedBy(e, CannotCreateTransactionException.class) != null;
    }

    static ResponseEntity<Object> unavailable(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "The service is temporarily unavailable, please retry shortly",
                        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                                ? original
                                : request.getRequestURI()));
    }

    /** Safety net: modules map their constraint violations themselves; a clash that slips through is still a 409. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Unmapped integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", "The request conflicts with existing data", request, List.of());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated", request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Access denied", request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (causedBy(e, RequestBodyTooLargeException.class) != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", rootMessage(e), request, List.of());
        }
        log.error("Unhandled exception on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", request, List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> violations.add(new FieldViolation(jsonName(f.getField()), f.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> violations.add(new FieldViolation(g.getObjectName(), g.getDefaultMessage())));
        return invalid(violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String field = parameterName(result.getMethodParameter());
            result.getResolvableErrors()
                    .forEach(error -> violations.add(new FieldViolation(field, error.getDefaultMessage())));
        }
        return invalid(violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldViolation(e.getParameterName(), "is required")), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return invalid(List.of(new FieldViolation(field, "has an invalid value")), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        if (causedBy(e, RequestBodyTooLargeException.class) != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", rootMessage(e), servletRequest, List.of());
        }
        DatabindException binding = causedBy(e, DatabindException.class);
        if (binding != null && !binding.getPath().isEmpty()) {
            String field = binding.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return invalid(List.of(new FieldViolation(field, "has an invalid value or type")), request);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "The request body is missing or is not valid JSON",
                servletRequest,
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers) // carries Allow
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        "Method " + e.getMethod() + " is not allowed here",
                        ((ServletWebRequest) request).getRequest().getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Send the body as application/json",
                ((ServletWebRequest) request).getRequest(),
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        return problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "No such endpoint: " + servletRequest.getRequestURI(),
                servletRequest,
                List.of());
    }

    /** Every other framework exception: its status, with the standard reason as the detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpStatus resolved = HttpStatus.valueOf(status.value());
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        if (resolved.is5xxServerError()) {
            log.error("Request failed on {} {}", servletRequest.getMethod(), servletRequest.getRequestURI(), e);
        }
        return ResponseEntity.status(resolved)
                .headers(headers)
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(
                        resolved, "http", resolved.getReasonPhrase(), servletRequest.getRequestURI(), List.of()));
    }

    private ResponseEntity<Object> invalid(List<FieldViolation> violations, WebRequest request) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "validation",
                Problems.summary(violations),
                ((ServletWebRequest) request).getRequest(),
                violations);
    }

    private static ResponseEntity<Object> problem(
            HttpStatus status,
            String type,
            String detail,
            HttpServletRequest request,
            List<FieldViolation> violations) {
        return problem(status, type, detail, request, violations, Map.of());
    }

    private static ResponseEntity<Object> problem(
            HttpStatus status,
            String type,
            String detail,
            HttpServletRequest request,
            List<FieldViolation> violations,
            Map<String, Object> extensions) {
        Map<String, Object> body = Problems.body(status, type, detail, request.getRequestURI(), violations);
        body.putAll(extensions);
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(body);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "request" : jsonName(name);
    }

    /** Java property path to the JSON name used in the contract ({@code profileId} → {@code profile_id}). */
    static String jsonName(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        return causedBy(e, RequestBodyTooLargeException.class).getMessage();
    }
}
