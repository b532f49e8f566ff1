package dev.debugtoolbar.sample.books;

import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * The most reviewed books, kept for a minute in a JCache cache: the first request misses and runs the
 * query, the requests after it hit. The cache holds the list itself (by reference), not a copy.
 */
public final class PopularBooks {

    /** The cache's name, as the Cache panel shows it. */
    public static final String CACHE = "popular-books";

    private static final String KEY = "top-10";
    private static final int SIZE = 10;

    private final BookRepository books;
    private final Cache<String, List<BookListing>> cache;

    public PopularBooks(BookRepository books, CacheManager caches) {
        this.books = books;
        this.cache = caches.createCache(CACHE, new MutableConfiguration<String, List<BookListing>>()
                .setStoreByValue(false)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_MINUTE)));
    }

    /** The ten books with the most reviews, and whether they came from the cache. */
    public Ranking top() {
        List<BookListing> cached = cache.get(KEY);
        if (cached != null) {
            return new Ranking(cached, true);
        }
        List<BookListing> loaded = books.mostReviewed(SIZE);
        cache.put(KEY, loaded);
        return new Ranking(loaded, false);
    }

    /** A ranking of books, most reviewed first. */
    public record Ranking(List<BookListing> listings, boolean fromCache) {

        public Ranking {
            listings = List.copyOf(listings);
        }
    }
}
