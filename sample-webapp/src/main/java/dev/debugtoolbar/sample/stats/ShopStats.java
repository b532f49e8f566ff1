package dev.debugtoolbar.sample.stats;

/** How many authors, books and reviews the shop holds. */
public record ShopStats(int authors, int books, int reviews) {

    /** This record as a JSON object; it holds only numbers, so no escaping is needed. */
    public String toJson() {
        return "{\"authors\":" + authors + ",\"books\":" + books + ",\"reviews\":" + reviews + "}";
    }
}
