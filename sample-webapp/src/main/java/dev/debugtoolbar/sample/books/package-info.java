/**
 * The books feature: the data ({@link dev.debugtoolbar.sample.books.Book} and friends), its repository
 * and the pages that list, show and search books, including the intentional N+1 list and the ranking of
 * {@link dev.debugtoolbar.sample.books.PopularBooks}, cached in JCache.
 */
package dev.debugtoolbar.sample.books;
