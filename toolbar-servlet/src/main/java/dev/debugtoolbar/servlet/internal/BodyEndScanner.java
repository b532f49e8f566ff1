package dev.debugtoolbar.servlet.internal;

/**
 * Finds, in a page fed to it piece by piece, where a browser's HTML parser sees the end of the body: the last
 * {@code </body>} end tag that is markup, not text. A forward state machine that follows the tokenizer of the
 * HTML standard as far as that question needs: tags and their quoted attribute values, comments (including
 * {@code <!-->} and {@code --!>}), bogus comments ({@code <!...>}, {@code <?...>}, {@code </ ...>}), the
 * raw-text and RCDATA elements ({@code script} with its escaped states, {@code style}, {@code xmp},
 * {@code iframe}, {@code noembed}, {@code noframes}, {@code noscript}, {@code title}, {@code textarea}),
 * {@code plaintext}, {@code template} contents (where {@code </body>} is ignored) and SVG/MathML, whose
 * {@code </body>} would put the loader inside a foreign element and whose CDATA sections hide markup.
 *
 * <p>Where two readings are possible and the scanner cannot tell which the browser takes (a raw-text element
 * name inside SVG or MathML whose text holds a {@code <}), it {@linkplain #doubt() doubts} and the page is left
 * alone. Each character is looked at once; runs of text, comments and raw text are skipped to the next
 * character that matters.
 */
final class BodyEndScanner {

    private enum State {
        DATA, TAG_OPEN, END_TAG_OPEN, TAG_NAME, BEFORE_ATTRIBUTE, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME,
        BEFORE_VALUE, DOUBLE_QUOTED, SINGLE_QUOTED, UNQUOTED, MARKUP_DECLARATION, COMMENT, BOGUS_COMMENT, CDATA,
        RAW_TEXT, PLAINTEXT
    }

    /** The longest tag name worth telling apart ({@code plaintext}); longer names are none of them. */
    private static final int NAME_CAPACITY = 9;
    private static final String[] RAW_TEXT = {
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea"};
    private static final String CDATA_OPEN = "[CDATA[";
    private static final int MAX_META_TAGS = 16;
    /** The characters of a plain tag name: ASCII letters and digits. */
    private static final boolean[] NAME_CHARACTER = new boolean[128];
    /** The lower-case first letters of the tag names that matter (see {@link #knownName()}). */
    private static final boolean[] MAY_MATTER = new boolean[128];

    static {
        for (char c = '0'; c <= 'z'; c++) {
            NAME_CHARACTER[c] = isLetter(c) || (c >= '0' && c <= '9');
        }
        for (char c : "bimnpstx".toCharArray()) {
            MAY_MATTER[c] = true;
        }
    }

    private final char[] chunk = new char[2048];
    private final char[] name = new char[NAME_CAPACITY];

    private State state = State.DATA;
    /** The position of the next character fed. */
    private long position;
    /** Where the tag or markup declaration being read began (its {@code <}). */
    private long tokenStart;
    private boolean endTag;
    private int nameLength;
    private boolean slash;
    private int markupMatched;
    private int dashes;
    private boolean bang;
    private int commentLength;
    private int brackets;

    private String rawName;
    private boolean script;
    /** How much of {@code </rawName} the raw text has matched. */
    private int endMatched;
    /** In script text: 0 plain, 1 escaped ({@code <!--}), 2 double escaped ({@code <!--<script>}). */
    private int scriptEscape;
    private int escapeOpenMatched;
    private int nestedScriptMatched;
    private boolean ambiguousRaw;
    private int rawLessThans;

    /** Where the {@code <meta>} start tags in markup begin and end ({@code [start, end)} pairs), for their CSP. */
    private final long[] metaTags = new long[2 * MAX_META_TAGS];
    private int metaTagCount;

    private int templateDepth;
    private int foreignDepth;
    private long bodyEnd = -1;
    private String doubt;

    /** Scans {@code text[from, to)}. */
    void scan(CharSequence text, int from, int to) {
        for (int at = from; at < to; at += chunk.length) {
            int end = Math.min(to, at + chunk.length);
            if (text instanceof String string) {
                string.getChars(at, end, chunk, 0);
            } else if (text instanceof StringBuilder builder) {
                builder.getChars(at, end, chunk, 0);
            } else {
                for (int i = at; i < end; i++) {
                    chunk[i - at] = text.charAt(i);
                }
            }
            scan(chunk, 0, end - at);
        }
    }

    /** Scans {@code bytes[from, to)} of a page in an ASCII-compatible charset: markup is ASCII in all of them. */
    void scan(byte[] bytes, int from, int to) {
        for (int at = from; at < to; at += chunk.length) {
            int end = Math.min(to, at + chunk.length);
            for (int i = at; i < end; i++) {
                chunk[i - at] = (char) (bytes[i] & 0xFF);
            }
            scan(chunk, 0, end - at);
        }
    }

    /** Scans {@code text[from, to)}. */
    void scan(char[] text, int from, int to) {
        long base = position - from;
        int i = from;
        while (i < to) {
            char c = text[i];
            switch (state) {
                case DATA -> i = data(text, i, to, base);
                case TAG_OPEN -> {
                    if (c == '!') {
                        state = State.MARKUP_DECLARATION;
                        markupMatched = 0;
                        i++;
                    } else if (c == '/') {
                        state = State.END_TAG_OPEN;
                        i++;
                    } else if (c == '?') {
                        state = State.BOGUS_COMMENT;
                        i++;
                    } else if (isLetter(c)) {
                        startName(false);
                    } else {
                        state = State.DATA;
                    }
                }
                case END_TAG_OPEN -> {
                    if (isLetter(c)) {
                        startName(true);
                    } else if (c == '>') {
                        state = State.DATA;
                        i++;
                    } else {
                        state = State.BOGUS_COMMENT;
                    }
                }
                case TAG_NAME -> {
                    i++;
                    if (isSpace(c)) {
                        state = State.BEFORE_ATTRIBUTE;
                    } else if (c == '/') {
                        state = State.BEFORE_ATTRIBUTE;
                        slash = true;
                    } else if (c == '>') {
                        endOfTag(base + i);
                    } else if (nameLength < NAME_CAPACITY) {
                        name[nameLength++] = lower(c);
                    } else {
                        nameLength = NAME_CAPACITY + 1;
                    }
                }
                case BEFORE_ATTRIBUTE, AFTER_ATTRIBUTE_NAME -> {
                    i++;
                    if (c == '/') {
                        slash = true;
                        state = State.BEFORE_ATTRIBUTE;
                    } else if (c == '>') {
                        endOfTag(base + i);
                    } else if (c == '=' && state == State.AFTER_ATTRIBUTE_NAME) {
                        slash = false;
                        state = State.BEFORE_VALUE;
                    } else {
                        slash = false;
                        if (!isSpace(c)) {
                            state = State.ATTRIBUTE_NAME;
                        }
                    }
                }
                case ATTRIBUTE_NAME -> {
                    i++;
                    if (isSpace(c)) {
                        state = State.AFTER_ATTRIBUTE_NAME;
                    } else if (c == '/') {
                        slash = true;
                        state = State.BEFORE_ATTRIBUTE;
                    } else if (c == '=') {
                        state = State.BEFORE_VALUE;
                    } else if (c == '>') {
                        endOfTag(base + i);
                    }
                }
                case BEFORE_VALUE -> {
                    i++;
                    if (c == '"') {
                        state = State.DOUBLE_QUOTED;
                    } else if (c == '\'') {
                        state = State.SINGLE_QUOTED;
                    } else if (c == '>') {
                        endOfTag(base + i);
                    } else if (!isSpace(c)) {
                        state = State.UNQUOTED;
                    }
                }
                case DOUBLE_QUOTED, SINGLE_QUOTED -> {
                    char quote = state == State.DOUBLE_QUOTED ? '"' : '\'';
                    while (i < to && text[i] != quote) {
                        i++;
                    }
                    if (i < to) {
                        state = State.BEFORE_ATTRIBUTE;
                        i++;
                    }
                }
                case UNQUOTED -> {
                    i++;
                    if (isSpace(c)) {
                        state = State.BEFORE_ATTRIBUTE;
                    } else if (c == '>') {
                        endOfTag(base + i);
                    }
                }
                case MARKUP_DECLARATION -> i = markupDeclaration(c, i);
                case COMMENT -> i = comment(text, i, to);
                case BOGUS_COMMENT -> {
                    while (i < to && text[i] != '>') {
                        i++;
                    }
                    if (i < to) {
                        state = State.DATA;
                        i++;
                    }
                }
                case CDATA -> {
                    i++;
                    if (c == ']') {
                        brackets++;
                    } else if (c == '>' && brackets >= 2) {
                        state = State.DATA;
                    } else {
                        brackets = 0;
                    }
                }
                case RAW_TEXT -> i = rawText(text, i, to, base);
                case PLAINTEXT -> i = to;
                default -> throw new IllegalStateException(state.name());
            }
        }
        position = base + to;
    }

    /**
     * Text up to the next tag: a plain tag ({@code <name>} or {@code </name>}, letters and digits) that lies whole
     * in {@code text} is read here at once, as most of a page's tags are, and passed over without a look at its
     * name when that cannot be one that matters; anything else goes through the states.
     */
    private int data(char[] text, int i, int to, long base) {
        while (true) {
            while (i < to && text[i] != '<') {
                i++;
            }
            if (i == to) {
                return i;
            }
            int at = i + 1;
            boolean end = at < to && text[at] == '/';
            int nameStart = end ? at + 1 : at;
            at = nameStart;
            while (at < to && text[at] < 128 && NAME_CHARACTER[text[at]]) {
                at++;
            }
            if (at == nameStart || at == to || text[at] != '>' || !isLetter(text[nameStart])) {
                tokenStart = base + i;
                state = State.TAG_OPEN;
                return i + 1;
            }
            int length = at - nameStart;
            if (length >= 3 && length <= NAME_CAPACITY && MAY_MATTER[text[nameStart] | 0x20]) {
                tokenStart = base + i;
                endTag = end;
                slash = false;
                nameLength = length;
                for (int k = 0; k < length; k++) {
                    name[k] = lower(text[nameStart + k]);
                }
                endOfTag(base + at + 1);
                if (state != State.DATA) {
                    return at + 1;
                }
            }
            i = at + 1;
        }
    }

    /** After {@code <!}: a comment, a CDATA section (in SVG or MathML) or a bogus comment; the next index. */
    private int markupDeclaration(char c, int i) {
        if (markupMatched == 0 && c == '-') {
            markupMatched = -1;
        } else if (markupMatched == -1 && c == '-') {
            state = State.COMMENT;
            dashes = 2;
            bang = false;
            commentLength = 0;
        } else if (markupMatched >= 0 && c == CDATA_OPEN.charAt(markupMatched)) {
            markupMatched++;
            if (markupMatched == CDATA_OPEN.length()) {
                state = foreignDepth > 0 ? State.CDATA : State.BOGUS_COMMENT;
                brackets = 0;
            }
        } else {
            state = State.BOGUS_COMMENT;
            return i;
        }
        return i + 1;
    }

    private int comment(char[] text, int i, int to) {
        while (i < to) {
            char c = text[i++];
            if (c == '-') {
                dashes = bang ? 1 : dashes + 1;
                bang = false;
            } else if (c == '>' && (dashes >= 2 || bang)) {
                state = State.DATA;
                return i;
            } else if (c == '!' && dashes >= 2 && commentLength >= 2) {
                bang = true;
                dashes = 0;
            } else {
                dashes = 0;
                bang = false;
            }
            if (commentLength < 2) {
                commentLength++;
            }
        }
        return i;
    }

    private int rawText(char[] text, int i, int to, long base) {
        int closing = 2 + rawName.length();
        while (i < to) {
            if (endMatched == 0 && scriptEscape == 0 && escapeOpenMatched == 0) {
                while (i < to && text[i] != '<') {
                    i++;
                }
                if (i == to) {
                    return i;
                }
            }
            char c = text[i];
            if (endMatched == closing && (isSpace(c) || c == '/' || c == '>')) {
                if (scriptEscape == 2) {
                    scriptEscape = 1;
                    endMatched = 0;
                    i++;
                    continue;
                }
                endRawText(base + i - closing);
                return i;
            }
            if (c == '<') {
                rawLessThans++;
            }
            endMatched = matchesClosing(c, endMatched) ? endMatched + 1 : (c == '<' ? 1 : 0);
            if (script) {
                scriptEscapes(c);
            }
            i++;
        }
        return i;
    }

    private boolean matchesClosing(char c, int matched) {
        return switch (matched) {
            case 0 -> c == '<';
            case 1 -> c == '/';
            default -> matched - 2 < rawName.length() && lower(c) == rawName.charAt(matched - 2);
        };
    }

    /** Follows {@code <!--}, {@code <script} and {@code -->} inside script text. */
    private void scriptEscapes(char c) {
        if (scriptEscape == 0) {
            escapeOpenMatched = switch (escapeOpenMatched) {
                case 0 -> c == '<' ? 1 : 0;
                case 1 -> c == '!' ? 2 : (c == '<' ? 1 : 0);
                case 2 -> c == '-' ? 3 : (c == '<' ? 1 : 0);
                default -> c == '-' ? 4 : (c == '<' ? 1 : 0);
            };
            if (escapeOpenMatched == 4) {
                escapeOpenMatched = 0;
                scriptEscape = 1;
                dashes = 2;
            }
            return;
        }
        if (c == '-') {
            dashes++;
        } else if (c == '>' && dashes >= 2) {
            scriptEscape = 0;
            dashes = 0;
            nestedScriptMatched = 0;
            return;
        } else {
            dashes = 0;
        }
        if (scriptEscape == 1) {
            if (nestedScriptMatched == 7 && (isSpace(c) || c == '/' || c == '>')) {
                scriptEscape = 2;
                nestedScriptMatched = 0;
            } else if (nestedScriptMatched >= 1 && nestedScriptMatched < 7
                    && lower(c) == "script".charAt(nestedScriptMatched - 1)) {
                nestedScriptMatched++;
            } else {
                nestedScriptMatched = c == '<' ? 1 : 0;
            }
        }
    }

    /** The raw text ended at the {@code </name} that starts at {@code start}; its end tag is read as a tag. */
    private void endRawText(long start) {
        if (ambiguousRaw && rawLessThans > 1) {
            doubt("a <" + rawName + "> inside SVG or MathML holds markup, which HTML would read as text");
        }
        tokenStart = start;
        endTag = true;
        nameLength = rawName.length();
        rawName.getChars(0, nameLength, name, 0);
        slash = false;
        state = State.BEFORE_ATTRIBUTE;
        rawName = null;
        script = false;
    }

    private void startName(boolean end) {
        endTag = end;
        nameLength = 0;
        slash = false;
        state = State.TAG_NAME;
    }

    /** A tag ended with the {@code >} before {@code end}: its effect on the states that matter. */
    private void endOfTag(long end) {
        state = State.DATA;
        boolean selfClosing = slash;
        slash = false;
        String known = knownName();
        if (known == null) {
            return;
        }
        boolean foreignName = known.equals("svg") || known.equals("math");
        if (endTag) {
            if (foreignDepth > 0) {
                if (foreignName) {
                    foreignDepth--;
                }
            } else if (templateDepth > 0) {
                if (known.equals("template")) {
                    templateDepth--;
                }
            } else if (known.equals("body")) {
                bodyEnd = tokenStart;
            }
            return;
        }
        if (foreignName) {
            foreignDepth += selfClosing ? 0 : 1;
        } else if (foreignDepth > 0) {
            if (isRawText(known) && !selfClosing) {
                enterRawText(known, true);
            }
        } else if (known.equals("template")) {
            templateDepth++;
        } else if (known.equals("meta")) {
            if (templateDepth == 0 && metaTagCount < MAX_META_TAGS) {
                metaTags[2 * metaTagCount] = tokenStart;
                metaTags[2 * metaTagCount + 1] = end;
                metaTagCount++;
            }
        } else if (known.equals("plaintext")) {
            state = State.PLAINTEXT;
        } else if (isRawText(known)) {
            enterRawText(known, false);
        }
    }

    private void enterRawText(String raw, boolean ambiguous) {
        state = State.RAW_TEXT;
        rawName = raw;
        script = raw.equals("script");
        ambiguousRaw = ambiguous;
        rawLessThans = 0;
        endMatched = 0;
        scriptEscape = 0;
        escapeOpenMatched = 0;
        nestedScriptMatched = 0;
        dashes = 0;
    }

    /**
     * The tag's name when it is one of those that matter ({@code body}, {@code template}, {@code svg},
     * {@code math}, {@code meta}, {@code plaintext} and the raw-text names), else {@code null}; told apart by
     * length and first letters first, as most tags are none of them.
     */
    private String knownName() {
        if (nameLength < 3 || nameLength > NAME_CAPACITY) {
            return null;
        }
        String candidate = switch (name[0]) {
            case 'b' -> "body";
            case 'i' -> "iframe";
            case 'm' -> name[1] == 'a' ? "math" : "meta";
            case 'n' -> nameLength == 7 ? "noembed" : name[2] == 'f' ? "noframes" : "noscript";
            case 'p' -> "plaintext";
            case 's' -> name[1] == 'v' ? "svg" : name[1] == 't' ? "style" : "script";
            case 't' -> name[1] == 'i' ? "title" : name[2] == 'x' ? "textarea" : "template";
            case 'x' -> "xmp";
            default -> null;
        };
        return candidate != null && nameIs(candidate) ? candidate : null;
    }

    private static boolean isRawText(String known) {
        for (String raw : RAW_TEXT) {
            if (raw.equals(known)) {
                return true;
            }
        }
        return false;
    }

    private boolean nameIs(String expected) {
        if (nameLength != expected.length()) {
            return false;
        }
        for (int k = 0; k < nameLength; k++) {
            if (name[k] != expected.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void doubt(String reason) {
        if (doubt == null) {
            doubt = reason;
        }
    }

    /** The position of the {@code <} of the last {@code </body>} the parser sees as the body's end, or -1. */
    long bodyEnd() {
        return doubt == null ? bodyEnd : -1;
    }

    /** How many {@code <meta>} start tags in markup were seen (up to 16). */
    int metaTagCount() {
        return metaTagCount;
    }

    /** Where {@code <meta>} start tag {@code index} begins (its {@code <}). */
    long metaTagStart(int index) {
        return metaTags[2 * index];
    }

    /** Where {@code <meta>} start tag {@code index} ends (after its {@code >}). */
    long metaTagEnd(int index) {
        return metaTags[2 * index + 1];
    }

    /** Why the page is better left alone although it may have a body end, or {@code null}. */
    String doubt() {
        return doubt;
    }

    /**
     * How far the page can be sent now without giving up a place the loader may still go: up to the last body
     * end found, else up to the tag being read, else all of it.
     */
    long safeEnd() {
        if (doubt != null) {
            return position;
        }
        if (bodyEnd >= 0) {
            return bodyEnd;
        }
        return switch (state) {
            case TAG_OPEN, END_TAG_OPEN, TAG_NAME, BEFORE_ATTRIBUTE, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME,
                 BEFORE_VALUE, DOUBLE_QUOTED, SINGLE_QUOTED, UNQUOTED -> tokenStart;
            default -> position;
        };
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
