package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL panel's analysis on the sample's own pages: N+1 on the book list, none on its fixed twin. */
class SqlPanelIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningSample SAMPLE = new RunningSample();


    @Test
    void flagsTheBookListAsNPlusOneAtTheRepositoryCall() throws Exception {
        JsonNode sql = sqlOf("/books");
        assertEquals(31, sql.get("queryCount").asInt());
        JsonNode nPlusOne = sql.get("nPlusOne");
        assertEquals(1, nPlusOne.size(), nPlusOne.toString());
        assertEquals("SELECT id, name, country FROM authors WHERE id = ?", nPlusOne.get(0).get("sql").asText());
        assertEquals(30, nPlusOne.get(0).get("count").asInt());
        String callSite = nPlusOne.get(0).get("callSite").asText();
        assertTrue(callSite.startsWith("dev.debugtoolbar.sample.books.BookRepository.author(BookRepository.java:"),
                callSite);
        JsonNode author = sql.get("queries").get(1);
        assertEquals(callSite, author.get("callSite").asText());
        assertTrue(author.get("stack").toString().contains("BooksServlet"), author.get("stack").toString());
        assertEquals(1, author.get("rows").asInt(), "one author row read per lookup");
        assertEquals(30, sql.get("queries").get(0).get("rows").asInt(), "thirty book rows read");
        assertTrue(sql.get("similarCount").asInt() >= 30);

        String panel = SAMPLE.get(toolbar("/books")).body();
        assertTrue(panel.contains("Likely N+1"), panel);
    }

    @Test
    void doesNotFlagTheFixedList() throws Exception {
        JsonNode sql = sqlOf("/books/fixed");
        assertEquals(1, sql.get("queryCount").asInt());
        assertEquals(0, sql.get("nPlusOne").size());
        assertEquals(0, sql.get("similarCount").asInt());
        assertEquals(0, sql.get("duplicateCount").asInt());
    }

    @Test
    void findsTheDuplicatesOfTheDuplicatesPage() throws Exception {
        JsonNode sql = sqlOf("/books/duplicates");
        assertEquals(2, sql.get("duplicateCount").asInt(), sql.toString());
        assertEquals(0, sql.get("queries").get(1).get("duplicateOf").asInt());
        assertEquals(0, sql.get("queries").get(2).get("duplicateOf").asInt());
        assertEquals(0, sql.get("nPlusOne").size());
        String nav = SAMPLE.get("/__toolbar/requests/" + idOf(SAMPLE.get("/books/duplicates"))).body();
        assertTrue(nav.contains("2 duplicates"), nav);
    }

    private String toolbar(String page) throws Exception {
        return "/__toolbar/requests/" + idOf(SAMPLE.get(page)) + "/panels/sql";
    }

    private JsonNode sqlOf(String page) throws Exception {
        HttpResponse<String> record = SAMPLE.get("/__toolbar/api/requests/" + idOf(SAMPLE.get(page)));
        assertEquals(200, record.statusCode(), record.body());
        return JSON.readTree(record.body()).get("panels").get("sql");
    }

    private static String idOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
    }
}
