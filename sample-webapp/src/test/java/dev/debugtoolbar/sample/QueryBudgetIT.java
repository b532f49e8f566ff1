package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debugtoolbar.test.RecordedRequestsExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Query budgets on the sample's pages, as an application's own test suite would keep them. */
class QueryBudgetIT {

    @RegisterExtension
    static final RunningSample SAMPLE = new RunningSample();

    @RegisterExtension
    static final RecordedRequestsExtension REQUESTS = RecordedRequestsExtension.at(() -> SAMPLE.uri("__toolbar"));


    @Test
    void theFixedBookListLoadsItsAuthorsInTheSameQuery() throws Exception {
        get("/books/fixed");

        REQUESTS.last().assertAtMostStatements(1).assertNoNPlusOne().assertNoDuplicates();
    }

    @Test
    void theBookListHasTheNPlusOnePatternAndTheFailureSaysWhere() throws Exception {
        HttpResponse<String> books = get("/books");

        AssertionError failure = assertThrows(AssertionError.class, () -> REQUESTS.of(books).assertNoNPlusOne());

        String message = failure.getMessage();
        assertTrue(message.startsWith("GET /books (request "), message);
        assertTrue(message.contains("has the N+1 pattern"), message);
        assertTrue(message.contains("\n  30 × SELECT id, name, country FROM authors WHERE id = ?\n      statements #1, #2,"),
                message);
        assertTrue(message.contains("join them into the first query"), message);
        AssertionError overBudget = assertThrows(AssertionError.class,
                () -> REQUESTS.last().assertAtMostStatements(5));
        assertTrue(overBudget.getMessage().contains("ran 31 SQL statements; the budget is at most 5."),
                overBudget.getMessage());
    }

    @Test
    void aBookPageRunsThreeDistinctStatements() throws Exception {
        get("/books/1");

        REQUESTS.last().assertAtMostStatements(3).assertNoDuplicates().assertNoNPlusOne();
        assertEquals(3, REQUESTS.last().statements().size());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = SAMPLE.get(path);
        assertEquals(200, response.statusCode(), path);
        return response;
    }
}
