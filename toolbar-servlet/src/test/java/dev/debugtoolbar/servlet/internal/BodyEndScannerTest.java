package dev.debugtoolbar.servlet.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where the scanner finds the body's end: only where a browser's HTML parser ends the body. */
class BodyEndScannerTest {

    /** The body end the scanner reports, fed in one piece, as bytes, and one character at a time (all agree). */
    private static long bodyEnd(String page) {
        BodyEndScanner whole = new BodyEndScanner();
        whole.scan(page, 0, page.length());
        BodyEndScanner bytes = new BodyEndScanner();
        byte[] encoded = page.getBytes(StandardCharsets.ISO_8859_1);
        bytes.scan(encoded, 0, encoded.length);
        BodyEndScanner pieces = new BodyEndScanner();
        for (int i = 0; i < page.length(); i++) {
            pieces.scan(page.toCharArray(), i, i + 1);
        }
        assertEquals(whole.bodyEnd(), pieces.bodyEnd(), "one character at a time: " + page);
        assertEquals(whole.bodyEnd(), bytes.bodyEnd(), "as bytes: " + page);
        return whole.bodyEnd();
    }

    /** The page's last real {@code </body>} is the one marked {@code </BODY>} (upper case) in {@code page}. */
    private static void endsAtMarked(String page) {
        assertEquals(page.indexOf("</BODY>"), bodyEnd(page), page);
    }

    @Test
    void findsTheLastBodyEndTagInMarkup() {
        endsAtMarked("<html><body><p>x</p></BODY></html>");
        endsAtMarked("<body>one</body>\n<body>two</BODY>\n");
        assertEquals(7, bodyEnd("<body>x</body >"));
        assertEquals(7, bodyEnd("<body>x</Body\n>"));
        assertEquals(-1, bodyEnd("<p>a fragment</p>"));
        assertEquals(-1, bodyEnd("<body>cut off </body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<body><script>var s = \"</body>\";</script></BODY>",
        "<body><script type=\"application/json\">{\"a\":\"</body>\"}</script></BODY>",
        "<body><script>if (a</scriptx) {} '</body>'</script ></BODY>",
        "<body><script><!-- <script> </script> </body> --></script></BODY>",
        "<body><!-- </body> --></BODY>",
        "<body><!-- a --!> </BODY>",
        "<body><!--> </BODY>",
        "<body><!---> </BODY>",
        "<body><!--!> </body> --></BODY>",
        "<body><!---!> </body> --></BODY>",
        "<body><!-- -- </body> --></BODY>",
        "<body><template><p></body></template></BODY>",
        "<body><template><template></body></template></body></template></BODY>",
        "<body><textarea></body></textarea></BODY>",
        "<body><style>a::after{content:'</body>'}</style></BODY>",
        "<body><title></body></title></BODY>",
        "<body><noscript></body></noscript></BODY>",
        "<body><xmp></body></xmp></BODY>",
        "<body><iframe></body></iframe></BODY>",
        "<body><noembed></body></noembed><noframes></body></noframes></BODY>",
        "<body><a title=\"</body>\" data-x='</body>'>x</a></BODY>",
        "<body><a title=\"a > </body>\">x</a></BODY>",
        "<body><svg><![CDATA[ </body> ]]></svg></BODY>",
        "<body><svg><style>.a{fill:red}</style></svg></BODY>",
        "<body><svg></body></svg></BODY>",
        "<body><math><mi>x</mi></body></math></BODY>",
        "<body><?php echo '</body>' ?></BODY>",
        "<!DOCTYPE html><body></ x </body>></BODY>",
        "<body><SCRIPT>'</body>'</SCRIPT></BODY>",
    })
    void ignoresBodyEndTagsThatAreNotMarkup(String page) {
        endsAtMarked(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<body><script>var s = \"</body>\";",
        "<body><!-- </body>",
        "<body><plaintext></body>",
        "<body><template></body>",
        "<body><textarea></body></textarea ",
        "<body><svg><p></body>",
    })
    void findsNoEndWhereThereIsNone(String page) {
        assertEquals(-1, bodyEnd(page), page);
    }

    @Test
    void aBogusCDataOutsideForeignContentEndsAtTheFirstGreaterThanSign() {
        endsAtMarked("<body><![CDATA[ x > </BODY>");
    }

    @Test
    void doubtsWhereSvgMayReadMarkupThatHtmlReadsAsText() {
        BodyEndScanner scanner = new BodyEndScanner();
        String page = "<body><svg><foreignObject><style></svg></body></style></svg></body>";
        scanner.scan(page, 0, page.length());
        assertEquals(-1, scanner.bodyEnd());
        assertNotNull(scanner.doubt());
    }

    @Test
    void safeEndStopsAtTheBodyEndOrAtATagBeingRead() {
        BodyEndScanner scanner = new BodyEndScanner();
        String first = "<body><p>streamed</p></bo";
        scanner.scan(first, 0, first.length());
        assertEquals(first.indexOf("</bo"), scanner.safeEnd());
        String second = "dy>\n</html>";
        scanner.scan(second, 0, second.length());
        assertEquals(first.indexOf("</bo"), scanner.safeEnd());
        assertEquals(first.indexOf("</bo"), scanner.bodyEnd());
        assertNull(scanner.doubt());

        BodyEndScanner text = new BodyEndScanner();
        text.scan("<body>abc", 0, 9);
        assertEquals(9, text.safeEnd());
    }
}
