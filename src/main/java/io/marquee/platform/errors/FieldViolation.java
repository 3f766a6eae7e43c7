package io.marquee.platform.errors;

/** One entry of a 422 problem's {@code errors[]}: the JSON name of the field and what is wrong with it. */
public record FieldViolation(String field, String message) {}
