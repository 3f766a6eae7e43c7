package io.marquee.platform.errors;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 422: input that is well-formed but breaks a rule, with one {@link FieldViolation} per broken field. */
public class InvalidInputException extends ApiException {

    public InvalidInputException(List<FieldViolation> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "validation", Problems.summary(violations), violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }
}
