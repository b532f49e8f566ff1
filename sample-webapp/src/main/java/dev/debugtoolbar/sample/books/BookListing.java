package dev.debugtoolbar.sample.books;

/** A book together with its author, as the lists and search results show it. */
public record BookListing(Book book, Author author) {
}
