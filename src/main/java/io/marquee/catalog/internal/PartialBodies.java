package io.marquee.catalog.internal;

import io.marquee.platform.errors.FieldViolation;
import io.marquee.platform.errors.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a partial update ("only the fields present change"), where a JSON {@code null} clears a field and
 * a missing field keeps it: a bound record cannot tell the two apart, so the body is read as a tree, bound and
 * validated here, and the names of the fields present are kept beside the record.
 */
@Component
class PartialBodies {

    /** A validated body and the JSON names of the fields it carried. */
    record Partial<T>(T value, Set<String> present) {

        boolean has(String jsonField) {
            return present.contains(jsonField);
        }
    }

    private final JsonMapper json;
    private final Validator validator;

    PartialBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    <T> Partial<T> read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        T value;
        try {
            value = json.treeToValue(body, type);
        } catch (DatabindException e) {
            throw new InvalidInputException(path(e), "has an invalid value or type");
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "has an invalid value or type");
        }
        List<FieldViolation> violations = validator.validate(value).stream()
                .map(v -> new FieldViolation(jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Partial<>(value, Set.copyOf(body.propertyNames()));
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** {@code cast[0].personName} → {@code cast[0].person_name}; {@code moodTags[1].<list element>} → {@code mood_tags[1]}. */
    private static String jsonPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(snakeCase(node.getName()));
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String snakeCase(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
