package dev.debugtoolbar.core.internal;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.request.RequestStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskingTest {

    private static final ToolbarConfig CONFIG = DebugToolbar.builder().build().config();
    private static final Masking MASKING = new Masking(CONFIG);
    private static final String M = Masking.MASK;

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "api_key",
            "X-Auth-Token", "password", "DB_PASSWORD", "client_secret", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
            "accessKey", "privateKey", "private_key", "key", "signing.key", "GOOGLE_APPLICATION_CREDENTIALS",
            "credential", "JSESSIONID", "X-CSRF-Token", "_csrf", "X-XSRF-TOKEN",
            // the names the tester found shown
            "pwd", "pin", "otp", "jwt", "signingKey", "X-Amz-Signature", "X-Hub-Signature-256", "SESSION",
            "remember-me",
            // their kin
            "passwd", "passphrase", "db_pass", "dbPass", "PASS", "userPin", "pin_code", "PIN", "otpCode", "totp",
            "TOTP_SECRET", "mfa_code", "auth", "authToken", "basic_auth", "bearer", "refresh_token", "id_token",
            "hmacKey", "encryption-key", "X-Amz-Credential", "X-Amz-Security-Token", "PHPSESSID", "connect.sid",
            "ASP.NET_SessionId", "session_id", "sessionKey", "rememberMe", "javax.net.ssl.keyStorePassword",
            "user[password]"})
    void treatsSecretLookingNamesAsSensitive(String name) {
        assertTrue(CONFIG.isSensitive(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept", "User-Agent", "keyword", "monkey", "sortKey", "cacheKey", "Content-Type", "q",
            "JAVA_HOME", "user.name", "Host",
            // words that hold a short secret word inside another word
            "spinner", "opinion", "keyboard", "Keyboard-Layout", "pinned", "PINNED", "shipping", "mapping",
            "footprint", "hotplug", "author", "AUTHOR", "Authority", "compass", "passenger", "PASSENGER", "bypass",
            "passive", "sidebar", "SIDEBAR", "inside", "session.timeout", "server.servlet.session.timeout",
            "sessionAttributes", "monkeys", "turnkey"})
    void leavesOrdinaryNamesVisible(String name) {
        assertFalse(CONFIG.isSensitive(name), name);
    }

    /** Names masked although they hold no secret: the price of the short words' rules, accepted. */
    @ParameterizedTest
    @ValueSource(strings = {"PWD", "OLDPWD", "tokenizer", "signatureAlgorithm", "secretary", "authType"})
    void masksTheseHarmlessNamesAsTheAcceptedFalsePositives(String name) {
        assertTrue(CONFIG.isSensitive(name), name);
    }

    @Test
    void extendsTheDefaultNamesByAddingToThem() {
        ToolbarConfig extended = DebugToolbar.builder().sensitiveNames(Pattern.compile(
                DebugToolbar.Builder.DEFAULT_SENSITIVE_NAMES + "|iban", Pattern.CASE_INSENSITIVE)).build().config();
        assertTrue(extended.isSensitive("customerIban"));
        assertTrue(extended.isSensitive("X-Amz-Signature"));
        assertFalse(extended.isSensitive("spinner"));
        assertFalse(CONFIG.isSensitive("customerIban"));
        ToolbarConfig byName = DebugToolbar.builder()
                .options(option -> option.equals("sensitiveNames") ? "IBAN" : null).build().config();
        assertTrue(byName.isSensitive("customer_iban"), "matched without regard to case");
        assertFalse(byName.isSensitive("password"), "a pattern given by name replaces the default");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what                      | value                                                              | shown
            query parameters            | https://shop.test/cb?token=abc123&password=hunter2&page=2          | https://shop.test/cb?token=MASK&password=MASK&page=2
            query parameters, encoded   | api%5Fkey=abc&q=1                                                  | api%5Fkey=MASK&q=1
            the short names             | otp=123456&pwd=x1&jwt=y1&signingKey=z1&pin=1234&page=3             | otp=MASK&pwd=MASK&jwt=MASK&signingKey=MASK&pin=MASK&page=3
            a path parameter            | /cart;jsessionid=1A2B3C4D                                          | /cart;jsessionid=MASK
            a signed S3 URL             | https://b.s3.test/k?X-Amz-Credential=AKIA%2F2025&X-Amz-Signature=deadbeef&X-Amz-Expires=60 | https://b.s3.test/k?X-Amz-Credential=MASK&X-Amz-Signature=MASK&X-Amz-Expires=60
            URL user info               | postgres://shop:hunter2-Pr0d@db.internal:5432/shop                 | postgres://shop:MASK@db.internal:5432/shop
            a password with / and @     | postgres://shop:p@ss/w@db.internal:5432/shop?ssl=true              | postgres://shop:MASK@db.internal:5432/shop?ssl=true
            a URL cut by a preview      | postgres://shop:hunter2-and-more… (30 more characters)            | postgres://shop:MASK… (30 more characters)
            Oracle cut by a preview     | jdbc:oracle:thin:scott/tiger-and… (30 more characters)            | jdbc:oracle:thin:scott/MASK… (30 more characters)
            a password without user     | redis://:s3cr3t@cache:6379/0                                       | redis://:MASK@cache:6379/0
            JDBC URL with ?password=    | jdbc:mysql://db/shop?user=shop&password=Tr0ub4dor&useSSL=true      | jdbc:mysql://db/shop?user=shop&password=MASK&useSSL=true
            JDBC URL with ;password=    | jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password=Secr3t;encrypt=true | jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password=MASK;encrypt=true
            Oracle user/password@       | jdbc:oracle:thin:scott/tiger@//db.internal:1521/ORCL               | jdbc:oracle:thin:scott/MASK@//db.internal:1521/ORCL
            Oracle, / and @ in password | url jdbc:oracle:thin:scott/t@g/er@db:1521:ORCL is up               | url jdbc:oracle:thin:scott/MASK@db:1521:ORCL is up
            a JVM argument              | -Djavax.net.ssl.keyStorePassword=changeit-9f2k                     | -Djavax.net.ssl.keyStorePassword=MASK
            key: value                  | login failed for ada, password: hunter2, retrying                  | login failed for ada, password: MASK, retrying
            key = value                 | db.password = hunter2                                              | db.password = MASK
            JSON                        | `{"user":"ada","password":"hunter2"}`                              | `{"user":"ada","password":"MASK"}`
            JSON, nested and escaped    | `{"db":{"url":"x","password" : "p\\"w,d"},"n":1}`                  | `{"db":{"url":"x","password" : "MASK"},"n":1}`
            JSON inside a JSON string   | `payload={\\"token\\":\\"abc\\",\\"n\\":1}`                        | `payload={\\"token\\":\\"MASK\\",\\"n\\":1}`
            an object under a secret    | `{"credentials":{"user":"ada","pw":["a}",{"x":1}]},"n":1}`         | `{"credentials":MASK,"n":1}`
            single quotes               | `{'secret': 'a b c'}`                                              | `{'secret': 'MASK'}`
            a toString                  | Login[user=ada, password=s3cret-1]                                 | Login[user=ada, password=MASK
            Authorization: Bearer       | Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.kZ3x | Authorization: Bearer MASK
            Authorization: Basic        | Authorization: Basic dXNlcjpwYXNz                                  | Authorization: Basic MASK
            a Cookie header             | Cookie: theme=dark; SESSION=5f2e; remember-me=YWRh                 | Cookie: MASK; SESSION=MASK; remember-me=MASK
            a Set-Cookie header         | Set-Cookie: SESSION=5f2e; Path=/; HttpOnly                         | Set-Cookie: MASK; Path=/; HttpOnly
            a webhook signature         | X-Hub-Signature-256: sha256=9f86d08                                | X-Hub-Signature-256: MASK
            a JWT anywhere              | sent eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.kZ3x to the API      | sent MASK to the API
            """)
    void masksTheSecretsInsideAValue(String what, String value, String shown) {
        assertEquals(shown.replace("MASK", M), MASKING.value(value), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what                                | value
            no secret name                        | a=b; mail=ada@example.org
            a JVM option                          | -Xmx512m
            a title with the word key             | Book[id=1, title=Key facts]
            words with pin, pin and key inside    | spinner=on&opinion=yes&keyboard=de&sortKey=name
            an @ in a path, no password           | https://example.org/users/@ada
            a port, no user info                  | See https://docs.example.org:8443/guide?q=a@b
            an @ in the query, a ? after it       | https://h.test:8443/a?mail=ada@example.org&next=/b?c=1
            times                                 | 12:30:00 started
            SQL placeholders                      | update users set password=?, pin=? where id=?
            SQL compared with spaces              | select * from users where password = ? and token= ?
            an Oracle URL without credentials     | jdbc:oracle:thin:@//db:1521/ORCL
            a pair without a value                | password=&q=1
            already masked                        | password=••••••••
            not a JWT                             | eyJ is how a JWT starts
            """)
    void leavesTextWithoutSecretsAsItIs(String what, String value) {
        assertSame(value, MASKING.value(value), what);
    }

    @Test
    void masksTheWholeValueOfASensitiveName() {
        var entry = MASKING.entry("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.kZ3x", null);
        assertTrue(entry.masked());
        assertEquals(M, entry.value());
        var entry2 = MASKING.entry("DATABASE_URL", "postgres://shop:hunter2-Pr0d@db/shop", null);
        assertFalse(entry2.masked());
        assertEquals("postgres://shop:" + M + "@db/shop", entry2.value());
    }

    @Test
    void findsASecretPairAnywhereInARecordsText() {
        record Login(String user, String password) {
        }
        String text = List.of(new Login("ada", "s3cret-1"), new Login("bob", "s3cret-2")).toString();
        String masked = MASKING.value(text);
        assertFalse(masked.contains("s3cret"), masked);
        assertTrue(masked.startsWith("[Login[user=ada, password=" + M), masked);
        assertTrue(masked.contains("Login[user=bob, password=" + M), masked);
        assertEquals("=x&token=" + M, MASKING.value("=x&token=abc"), "a pair after a leading '='");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.test/cb?token=abc123&password=hunter2&page=2",
            "postgres://shop:p@ss/w@db.internal:5432/shop", "jdbc:oracle:thin:scott/tiger@//db:1521/ORCL",
            "{\"password\" : \"p\\\"w\"}", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.kZ3x",
            "sent eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.kZ3x to the API"})
    void leavesWhatIsMaskedAsItIs(String value) {
        String masked = MASKING.value(value);
        assertSame(masked, MASKING.value(masked));
        String equalCopy = new String(masked);
        assertSame(equalCopy, MASKING.value(equalCopy), "the instance asked about, not the one remembered");
    }

    @Test
    void masksLongTextsThatAreNotRemembered() {
        String log = "x".repeat(5_000) + " {\"password\":\"hunter2\"} " + "y".repeat(5_000);
        assertEquals("x".repeat(5_000) + " {\"password\":\"" + M + "\"} " + "y".repeat(5_000), MASKING.value(log));
    }

    /** The one place every panel's result passes: texts anywhere in records, lists and maps are masked. */
    @Test
    void masksEveryTextOfAPanelsStatsAndKeepsWhatHoldsNone() {
        record Link(String label, String target) {
        }
        record Stats(int count, List<Link> links, Map<String, Object> extra, List<RequestStats.Entry> entries) {
        }
        Stats stats = new Stats(2,
                List.of(new Link("home", "/"), new Link("reset", "/reset?token=abc123")),
                Map.of("signingKey", "k-1", "note", "jdbc:oracle:thin:scott/tiger@db:1521:ORCL"),
                List.of(new RequestStats.Entry("pwd", "hunter2", null, false),
                        new RequestStats.Entry("color", "red", null, false)));
        Stats masked = MASKING.masked(stats);
        assertEquals(2, masked.count());
        assertSame(stats.links().get(0), masked.links().get(0), "unchanged parts are kept, not copied");
        assertEquals("/reset?token=" + M, masked.links().get(1).target());
        assertEquals(M, masked.extra().get("signingKey"));
        assertEquals("jdbc:oracle:thin:scott/" + M + "@db:1521:ORCL", masked.extra().get("note"));
        assertEquals(new RequestStats.Entry("pwd", M, null, true), masked.entries().get(0));
        assertSame(stats.entries().get(1), masked.entries().get(1));
        Stats clean = new Stats(1, List.of(new Link("home", "/")), Map.of("note", "hello"), List.of());
        assertSame(clean, MASKING.masked(clean));
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
        Map<Object, String> texts = new java.util.IdentityHashMap<>();
        var page = MASKING.singleEntries(Map.of("books", List.of(book)), true, texts);
        var fragment = MASKING.singleEntries(Map.of("book", book, "apiKey", book), true, texts);
        assertEquals(1, calls.get(), "one toString for the object the list and the fragment share");
        assertEquals("[book #1]", page.get(0).value());
        var byName = new java.util.HashMap<String, String>();
        fragment.forEach(entry -> byName.put(entry.name(), entry.value()));
        assertEquals("book #1", byName.get("book"));
        assertEquals(M, byName.get("apiKey"));
    }
}
