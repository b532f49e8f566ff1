package dev.debugtoolbar.sample.books;

import java.util.List;
import java.util.OptionalDouble;

/** Everything the page of one book shows. */
public record BookDetails(Book book, Author author, List<Review> reviews) {

    public BookDetails {
        reviews = List.copyOf(reviews);
    }

    /** The mean rating, empty while the book has no reviews. */
    public OptionalDouble averageRating() {
        return reviews.stream().mapToInt(Review::rating).average();
    }
}
