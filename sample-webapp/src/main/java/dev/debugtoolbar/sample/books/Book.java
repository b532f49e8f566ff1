package dev.debugtoolbar.sample.books;

import java.math.BigDecimal;

/** A book in the shop; its author is referenced by id. */
public record Book(long id, long authorId, String title, int year, BigDecimal price) {
}
