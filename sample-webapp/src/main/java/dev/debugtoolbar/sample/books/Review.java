package dev.debugtoolbar.sample.books;

/** A reader's rating (1 to 5) and comment on a book. */
public record Review(long id, long bookId, int rating, String text) {

    public Review {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be between 1 and 5, was " + rating);
        }
    }
}
