package dev.debugtoolbar.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, enough to tell words, literals, comments and {@code ?} placeholders apart.
 * It also notes every construct that different databases read differently (a backslash in a string, a
 * nested or MySQL-executable comment, {@code #}, dollar quoting, {@code --} without a space), so that a
 * caller can refuse text whose meaning depends on the database.
 */
final class SqlLexer {

    enum Kind { WORD, NUMBER, STRING, QUOTED_IDENTIFIER, COMMENT, PARAMETER, SEMICOLON, SPACE, SYMBOL }

    record Token(Kind kind, int start, int end, String text) {
        boolean isWord(String upperCase) {
            return kind == Kind.WORD && text.equalsIgnoreCase(upperCase);
        }
    }

    /** The tokens and, if any, the first construct whose meaning depends on the database. */
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
            if (Character.isWhitespace(c)) {
                while (i < length && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                kind = Kind.SPACE;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                if (end < 0) {
                    return new Result(tokens, "an unterminated " + (c == '\'' ? "string" : "quoted identifier"));
                }
                if (sql.indexOf('\\', i) >= 0 && sql.indexOf('\\', i) < end) {
                    ambiguity = first(ambiguity, "a backslash inside quotes (MySQL reads it as an escape,"
                            + " PostgreSQL and H2 do not)");
                }
                i = end + 1;
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                if (i + 2 < length && !Character.isWhitespace(sql.charAt(i + 2))) {
                    ambiguity = first(ambiguity, "'--' not followed by a space (MySQL reads it as two minus signs)");
                }
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end;
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
            } else if (Character.isDigit(c)) {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                kind = Kind.WORD;
            } else {
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

    private static String first(String known, String found) {
        return known != null ? known : found;
    }
}
