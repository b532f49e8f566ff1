package dev.debugtoolbar.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, enough to tell words, literals, comments and {@code ?} placeholders apart.
 * It also notes every construct whose reading is in doubt whatever the database (a nested or
 * MySQL-executable comment, {@code #}, dollar quoting, {@code --} without a space, and any character
 * outside plain printable ASCII that is not inside quotes or a block comment, such as a no-break space
 * between two words or a lone carriage return), so that a caller can refuse such text. What depends on
 * the database (a backslash inside quotes, backquotes, {@code @}) is left to the caller, which knows it.
 * Words are plain ASCII; a line comment ends at the first CR or LF, as in every database the toolbar knows.
 */
final class SqlLexer {

    enum Kind { WORD, NUMBER, STRING, QUOTED_IDENTIFIER, COMMENT, PARAMETER, SEMICOLON, SPACE, SYMBOL }

    record Token(Kind kind, int start, int end, String text) {
        boolean isWord(String upperCase) {
            return kind == Kind.WORD && text.equalsIgnoreCase(upperCase);
        }

        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
        }
    }

    /** The tokens and, if any, the first construct whose meaning is in doubt. */
    record Result(List<Token> tokens, String ambiguity) {
    }

    private SqlLexer() {
    }

    static Result lex(String sql) {
        List<Token> tokens = new ArrayList<>();
        String ambiguity = null;
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            int start = i;
            Kind kind;
            if (isSpace(c)) {
                while (i < length && isSpace(sql.charAt(i))) {
                    i++;
                }
                kind = Kind.SPACE;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                if (end < 0) {
                    return new Result(tokens, "an unterminated " + (c == '\'' ? "string" : "quoted identifier"));
                }
                i = end + 1;
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                if (i + 2 < length && !isSpace(sql.charAt(i + 2))) {
                    ambiguity = first(ambiguity, "'--' not followed by a space (MySQL reads it as two minus signs)");
                }
                i += 2;
                while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    if (!isPrintableAscii(sql.charAt(i)) && sql.charAt(i) != '\t') {
                        ambiguity = first(ambiguity, unusual(sql.charAt(i)) + " in a '--' comment");
                    }
                    i++;
                }
                kind = Kind.COMMENT;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return new Result(tokens, "an unterminated comment");
                }
                if (sql.startsWith("/*!", i)) {
                    ambiguity = first(ambiguity, "a /*! ... */ comment (MySQL runs its content)");
                }
                if (sql.indexOf("/*", i + 2) >= 0 && sql.indexOf("/*", i + 2) < end) {
                    ambiguity = first(ambiguity, "a nested comment (databases disagree where it ends)");
                }
                i = end + 2;
                kind = Kind.COMMENT;
            } else if (c == '#') {
                ambiguity = first(ambiguity, "'#' (MySQL starts a comment with it)");
                i++;
                kind = Kind.SYMBOL;
            } else if (c == '$') {
                ambiguity = first(ambiguity, "'$' outside a name (PostgreSQL dollar quoting or a numbered parameter)");
                i++;
                kind = Kind.SYMBOL;
            } else if (c == '?') {
                i++;
                kind = Kind.PARAMETER;
            } else if (c == ';') {
                i++;
                kind = Kind.SEMICOLON;
            } else if (isDigit(c)) {
                while (i < length && (isWordPart(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (isLetter(c) || c == '_') {
                while (i < length && (isWordPart(sql.charAt(i)) || sql.charAt(i) == '$')) {
                    i++;
                }
                kind = Kind.WORD;
            } else {
                if (!isPrintableAscii(c)) {
                    ambiguity = first(ambiguity, unusual(c) + " outside quotes");
                }
                i++;
                kind = Kind.SYMBOL;
            }
            tokens.add(new Token(kind, start, i, sql.substring(start, i)));
        }
        return new Result(tokens, ambiguity);
    }

    /** The index of the quote that closes the one at {@code open}, doubled quotes being part of the text. */
    private static int closing(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordPart(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    private static String unusual(char c) {
        return String.format("the character U+%04X (not plain printable ASCII, which databases may read as a space"
                + " or a line end)", (int) c);
    }

    private static String first(String known, String found) {
        return known != null ? known : found;
    }
}
