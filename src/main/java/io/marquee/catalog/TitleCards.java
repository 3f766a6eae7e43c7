package io.marquee.catalog;

import io.marquee.identity.AgeRating;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Renders titles that another module has chosen (search hits, rails, a watchlist) in the catalog's list-item shape:
 * one query for the titles and their genres, one entitlement lookup for the whole list.
 */
public interface TitleCards {

    /**
     * The cards of {@code titleIds}, in the order given; unknown ids, and titles above {@code ratingLimit}, are left
     * out.
     *
     * @param userId the signed-in user, for {@link TitleCard#entitled()}
     * @param ratingLimit {@code null} or {@link AgeRating#TV_MA}: no parental filter; anything else also hides unrated
     *     titles
     */
    List<TitleCard> of(UUID userId, Collection<UUID> titleIds, AgeRating ratingLimit);
}
