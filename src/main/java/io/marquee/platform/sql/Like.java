package io.marquee.platform.sql;

/** User text inside a SQL {@code LIKE} pattern: bound as a parameter and used with {@code ESCAPE '\'}. */
public final class Like {

    private Like() {}

    /** {@code %text%} with the pattern characters of {@code text} escaped, or {@code null} for blank input. */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
