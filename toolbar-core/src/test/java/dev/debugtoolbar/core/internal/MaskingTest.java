package dev.debugtoolbar.core.internal;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.ToolbarConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskingTest {

    private static final ToolbarConfig CONFIG = DebugToolbar.builder().build().config();
    private static final Masking MASKING = new Masking(CONFIG);

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "api_key",
            "X-Auth-Token", "password", "DB_PASSWORD", "client_secret", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
            "accessKey", "privateKey", "key", "signing.key", "GOOGLE_APPLICATION_CREDENTIALS", "credential",
            "JSESSIONID", "X-CSRF-Token"})
    void treatsSecretLookingNamesAsSensitive(String name) {
        assertTrue(CONFIG.isSensitive(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept", "User-Agent", "keyword", "monkey", "sortKey", "Content-Type", "q", "JAVA_HOME",
            "user.name", "Host"})
    void leavesOrdinaryNamesVisible(String name) {
        assertFalse(CONFIG.isSensitive(name), name);
    }

    @Test
    void masksTheWholeValueOfASensitiveName() {
        var entry = MASKING.entry("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.kZ3x", null);
        assertTrue(entry.masked());
        assertEquals(Masking.MASK, entry.value());
    }

    @Test
    void masksSecretsInsideOrdinaryValues() {
        assertEquals("postgres://shop:" + Masking.MASK + "@db.internal:5432/shop",
                MASKING.value("postgres://shop:hunter2-Pr0d@db.internal:5432/shop"));
        assertEquals("jdbc:mysql://db/shop?user=shop&password=" + Masking.MASK + "&useSSL=true",
                MASKING.value("jdbc:mysql://db/shop?user=shop&password=Tr0ub4dor&useSSL=true"));
        assertEquals("-Djavax.net.ssl.keyStorePassword=" + Masking.MASK,
                MASKING.value("-Djavax.net.ssl.keyStorePassword=changeit-9f2k"));
        assertEquals("-Xmx512m", MASKING.value("-Xmx512m"));
        assertEquals("a=b; mail=ada@example.org", MASKING.value("a=b; mail=ada@example.org"));
        var entry = MASKING.entry("DATABASE_URL", "postgres://shop:hunter2-Pr0d@db/shop", null);
        assertFalse(entry.masked());
        assertFalse(entry.value().contains("hunter2"), entry.value());
    }

    @Test
    void findsASecretPairAnywhereInARecordsText() {
        record Login(String user, String password) {
        }
        String text = java.util.List.of(new Login("ada", "s3cret-1"), new Login("bob", "s3cret-2")).toString();
        String masked = MASKING.value(text);
        assertFalse(masked.contains("s3cret"), masked);
        assertTrue(masked.startsWith("[Login[user=ada, password=" + Masking.MASK), masked);
        assertTrue(masked.contains("Login[user=bob, password=" + Masking.MASK), masked);
        assertEquals("=x&token=" + Masking.MASK, MASKING.value("=x&token=abc"), "a pair after a leading '='");
        assertEquals("Book[id=1, title=Key facts]", MASKING.value("Book[id=1, title=Key facts]"),
                "no secret name: returned as it is");
    }

    @Test
    void turnsAnObjectSharedByPageAndFragmentIntoTextOnceAndStillMasksItByName() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Object book = new Object() {
            @Override
            public String toString() {
                return "book #" + calls.incrementAndGet();
            }
        };
        java.util.Map<Object, String> texts = new java.util.IdentityHashMap<>();
        var page = MASKING.singleEntries(java.util.Map.of("books", java.util.List.of(book)), true, texts);
        var fragment = MASKING.singleEntries(java.util.Map.of("book", book, "apiKey", book), true, texts);
        assertEquals(1, calls.get(), "one toString for the object the list and the fragment share");
        assertEquals("[book #1]", page.get(0).value());
        var byName = new java.util.HashMap<String, String>();
        fragment.forEach(entry -> byName.put(entry.name(), entry.value()));
        assertEquals("book #1", byName.get("book"));
        assertEquals(Masking.MASK, byName.get("apiKey"));
    }
}
