package io.marquee.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The age-rating hierarchy (PoC §3.9), from least to most permissive. */
public enum AgeRating {
    TV_Y("TV-Y"),
    TV_G("TV-G"),
    TV_PG("TV-PG"),
    TV_14("TV-14"),
    TV_MA("TV-MA");

    /** The most permissive rating a kids profile may hold; also its default. */
    public static final AgeRating KIDS_MAXIMUM = TV_PG;

    public static final String ONE_OF = "must be one of TV-Y, TV-G, TV-PG, TV-14, TV-MA";

    private final String label;

    AgeRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AgeRating> parse(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }

    /** The labels a profile with this rating may watch: this one and every less permissive one. */
    public List<String> allowedLabels() {
        return Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(AgeRating::label)
                .toList();
    }
}
