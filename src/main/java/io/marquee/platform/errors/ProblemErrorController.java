package io.marquee.platform.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: errors that happen outside a controller (in a filter, in the container) are
 * forwarded here and answered in the same problem+json shape, without the framework's message.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<?> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null && ProblemAdvice.isUnavailable(failure)) {
            log.warn("Backing service unavailable outside the controllers: {}", failure.getMessage());
            return ProblemAdvice.unavailable(request);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value
                ? HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String path ? path : request.getRequestURI();
        String detail = status.getReasonPhrase();
        if (status.is5xxServerError()) {
            log.error("Request failed outside the controllers on {}", instance, failure);
            detail = "Internal error";
        }
        return ResponseEntity.status(status)
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(status, status.is5xxServerError() ? "internal" : "http", detail, instance));
    }
}
