package dev.debugtoolbar.sample.books;

/** A writer of books. */
public record Author(long id, String name, String country) {
}
