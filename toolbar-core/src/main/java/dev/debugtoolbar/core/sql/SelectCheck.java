package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.internal.Memo;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conservative test a recorded statement must pass before the toolbar runs it again on a given
 * database: one plain {@code SELECT} (or {@code WITH ... SELECT}) that writes nothing, locks nothing and has
 * no effect a rollback cannot undo. Comments, literals and quoted names are set aside before looking at the
 * words; text whose reading is in doubt on that database is refused outright.
 * <p>
 * It does not try to recognise every dangerous function (databases and extensions keep adding them):
 * every function call, that is every name followed by {@code (}, quoted or not, qualified or not, in the
 * select list or in {@code FROM}, must be on {@link #PURE_FUNCTIONS}, a list of functions known to have
 * no side effects in every database that has them; words of the grammar that take parentheses
 * ({@code IN}, {@code EXISTS}, {@code OVER}, ...) and column lists ({@code AS v(a, b)}, {@code WITH t(a) AS
 * (...)}) are told apart. Sequences, variables, {@code INTO}, locking clauses and more than one statement
 * are refused. When in doubt it refuses: a harmless statement refused costs a developer one click, a write
 * replayed costs data.
 */
final class SelectCheck {

    /**
     * The outcome.
     *
     * @param allowed   whether the statement may run
     * @param reason    why not, for the developer; {@code null} when allowed
     * @param statement the statement to run: the text without a trailing semicolon
     */
    record Verdict(boolean allowed, String reason, String statement) {
        static Verdict refuse(String reason) {
            return new Verdict(false, reason, null);
        }
    }

    /** Words that change data or the schema, or run something else, wherever they stand. */
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "INTO",
            "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME", "GRANT", "REVOKE", "CALL", "EXEC", "EXECUTE", "COPY",
            "LOCK", "UNLOCK", "VACUUM", "ANALYZE", "NEXTVAL", "SETVAL");
    private static final Set<String> LOCK_MODES = Set.of("UPDATE", "SHARE", "KEY", "NO");

    /** Words of the grammar that may stand before {@code (} without calling anything. */
    private static final Set<String> PAREN_KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN",
            "EXISTS", "ANY", "ALL", "SOME", "VALUES", "ROW", "ARRAY", "OVER", "FILTER", "GROUP", "CUBE", "ROLLUP",
            "SETS", "JOIN", "ON", "USING", "AS", "LATERAL", "BY", "WHEN", "THEN", "ELSE", "CASE", "BETWEEN", "LIKE",
            "ILIKE", "IS", "TO", "UNION", "INTERSECT", "EXCEPT", "MINUS", "HAVING", "LIMIT", "OFFSET", "FIRST",
            "DISTINCT", "MATERIALIZED");

    /**
     * Functions known to read nothing but their arguments (and the clock), write nothing, and touch neither
     * the session nor the server, in every database the toolbar replays on that has them: aggregates, window
     * functions, conditionals, casts and type names, string, number, date, array, JSON and text-search
     * functions. Anything else, user-defined functions included, is refused.
     */
    private static final Set<String> PURE_FUNCTIONS = Set.of(
            // aggregates and window functions
            "COUNT", "SUM", "AVG", "MIN", "MAX", "EVERY", "BOOL_AND", "BOOL_OR", "BIT_AND", "BIT_OR", "STRING_AGG",
            "ARRAY_AGG", "LISTAGG", "GROUP_CONCAT", "JSON_AGG", "JSONB_AGG", "JSON_OBJECT_AGG", "JSONB_OBJECT_AGG",
            "JSON_ARRAYAGG", "JSON_OBJECTAGG", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP",
            "VAR_SAMP", "MEDIAN", "MODE", "PERCENTILE_CONT", "PERCENTILE_DISC", "ANY_VALUE", "GROUPING",
            "ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST", "NTILE", "LAG", "LEAD", "FIRST_VALUE",
            "LAST_VALUE", "NTH_VALUE",
            // conditionals and casts
            "COALESCE", "NULLIF", "GREATEST", "LEAST", "IFNULL", "NVL", "NVL2", "IF", "CASEWHEN", "DECODE", "CAST",
            "CONVERT",
            // type names, as casts or with their length and precision
            "CHAR", "CHARACTER", "VARCHAR", "VARYING", "NCHAR", "NVARCHAR", "TEXT", "NUMERIC", "DECIMAL", "DEC",
            "FLOAT", "INT", "INTEGER", "SMALLINT", "BIGINT", "INT2", "INT4", "INT8", "FLOAT4", "FLOAT8", "BOOLEAN",
            "BOOL", "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TIMETZ", "INTERVAL", "BIT", "VARBIT", "BINARY",
            "VARBINARY", "BYTEA", "UUID", "JSON", "JSONB",
            // strings
            "LOWER", "UPPER", "LCASE", "UCASE", "INITCAP", "TRIM", "LTRIM", "RTRIM", "BTRIM", "SUBSTRING", "SUBSTR",
            "LEFT", "RIGHT", "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH", "OCTET_LENGTH", "BIT_LENGTH", "POSITION",
            "LOCATE", "INSTR", "STRPOS", "CONCAT", "CONCAT_WS", "REPLACE", "TRANSLATE", "REPEAT", "REVERSE", "LPAD",
            "RPAD", "SPLIT_PART", "ASCII", "CHR", "MD5", "FORMAT", "REGEXP_REPLACE", "REGEXP_LIKE",
            "REGEXP_SUBSTR", "REGEXP_MATCHES", "REGEXP_MATCH", "STARTS_WITH", "OVERLAY", "SOUNDEX", "TO_HEX",
            "ENCODE", "STRING_TO_ARRAY", "ARRAY_TO_STRING",
            // numbers
            "ABS", "CEIL", "CEILING", "FLOOR", "ROUND", "TRUNC", "MOD", "POWER", "POW", "SQRT", "CBRT", "EXP", "LN",
            "LOG", "LOG10", "SIGN", "PI", "DEGREES", "RADIANS", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN",
            "ATAN2", "DIV", "WIDTH_BUCKET", "BITAND", "BITOR",
            // dates and times
            "EXTRACT", "DATE_PART", "DATE_TRUNC", "YEAR", "MONTH", "DAY", "DAYOFMONTH", "DAYOFWEEK", "DAYOFYEAR",
            "HOUR", "MINUTE", "SECOND", "WEEK", "QUARTER", "NOW", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "CLOCK_TIMESTAMP", "STATEMENT_TIMESTAMP",
            "TRANSACTION_TIMESTAMP", "AGE", "TO_CHAR", "TO_DATE", "TO_TIMESTAMP", "TO_NUMBER", "DATEADD", "DATEDIFF",
            "TIMESTAMPADD", "TIMESTAMPDIFF", "DATE_ADD", "DATE_SUB", "DATE_FORMAT", "FORMATDATETIME",
            "PARSEDATETIME", "MAKE_DATE", "MAKE_TIMESTAMP", "MAKE_INTERVAL",
            // arrays, rows, JSON, series
            "CARDINALITY", "ARRAY_LENGTH", "ARRAY_POSITION", "ARRAY_CONTAINS", "ARRAY_UPPER", "ARRAY_LOWER",
            "UNNEST", "GENERATE_SERIES", "SYSTEM_RANGE", "JSON_BUILD_OBJECT", "JSONB_BUILD_OBJECT",
            "JSON_BUILD_ARRAY", "JSONB_BUILD_ARRAY", "TO_JSON", "TO_JSONB", "ROW_TO_JSON", "JSON_OBJECT",
            "JSON_ARRAY", "JSON_VALUE", "JSON_QUERY", "JSON_EXTRACT", "JSON_UNQUOTE", "JSON_EXTRACT_PATH_TEXT",
            "JSONB_EXTRACT_PATH", "JSONB_EXTRACT_PATH_TEXT", "JSON_ARRAY_ELEMENTS", "JSONB_ARRAY_ELEMENTS",
            "JSONB_ARRAY_LENGTH", "JSONB_TYPEOF",
            // PostgreSQL full-text search
            "TO_TSVECTOR", "TO_TSQUERY", "PLAINTO_TSQUERY", "PHRASETO_TSQUERY", "WEBSEARCH_TO_TSQUERY", "TS_RANK",
            "TS_RANK_CD", "TS_HEADLINE");

    /**
     * SQL texts whose verdict is remembered, per database: an application runs a bounded set of texts, again and
     * again. Texts of up to 8,192 characters, 1 MB of them in all per database (a verdict holds at most its text
     * again).
     */
    private static final Map<SqlDialect, Memo<String, Verdict>> VERDICTS = verdictMemos();

    private SelectCheck() {
    }

    /** The verdict on {@code sql} for {@code dialect}; it never changes, so it is worked out once per text. */
    static Verdict check(String sql, SqlDialect dialect) {
        return sql == null ? Verdict.refuse("there is no SQL text") : VERDICTS.get(dialect).get(sql);
    }

    private static Map<SqlDialect, Memo<String, Verdict>> verdictMemos() {
        Map<SqlDialect, Memo<String, Verdict>> memos = new EnumMap<>(SqlDialect.class);
        for (SqlDialect dialect : SqlDialect.values()) {
            memos.put(dialect, new Memo<>(4_096, 8_192, 1024 * 1024, sql -> judge(sql, dialect)));
        }
        return memos;
    }

    private static Verdict judge(String sql, SqlDialect dialect) {
        if (sql.isBlank()) {
            return Verdict.refuse("there is no SQL text");
        }
        SqlLexer.Result lexed = SqlLexer.lex(sql);
        if (lexed.ambiguity() != null) {
            return Verdict.refuse("it contains " + lexed.ambiguity());
        }
        String misread = misreading(lexed.tokens(), dialect);
        if (misread != null) {
            return Verdict.refuse(misread);
        }
        List<SqlLexer.Token> tokens = lexed.tokens().stream()
                .filter(t -> t.kind() != SqlLexer.Kind.SPACE && t.kind() != SqlLexer.Kind.COMMENT).toList();
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == SqlLexer.Kind.SEMICOLON) {
            end--;
        }
        if (end == 0) {
            return Verdict.refuse("there is no statement");
        }
        List<SqlLexer.Token> body = tokens.subList(0, end);
        if (body.stream().anyMatch(t -> t.kind() == SqlLexer.Kind.SEMICOLON)) {
            return Verdict.refuse("it holds more than one statement");
        }
        int first = 0;
        while (first < body.size() && body.get(first).isSymbol('(')) {
            first++;
        }
        if (first == body.size() || !(body.get(first).isWord("SELECT") || body.get(first).isWord("WITH"))) {
            return Verdict.refuse("only a SELECT (or WITH ... SELECT) is run again, and this starts with '"
                    + body.get(Math.min(first, body.size() - 1)).text() + "'");
        }
        boolean selects = false;
        for (int i = 0; i < body.size(); i++) {
            SqlLexer.Token token = body.get(i);
            SqlLexer.Token next = i + 1 < body.size() ? body.get(i + 1) : null;
            if (next != null && next.isSymbol('(')
                    && (token.kind() == SqlLexer.Kind.WORD || token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER)) {
                String call = callRefusal(body, i, dialect);
                if (call != null) {
                    return Verdict.refuse(call);
                }
            }
            if (token.kind() != SqlLexer.Kind.WORD) {
                continue;
            }
            String word = token.text().toUpperCase(Locale.ROOT);
            selects |= word.equals("SELECT");
            if (WRITES.contains(word)) {
                return Verdict.refuse("it contains " + word + ", which writes, locks or has effects a rollback"
                        + " cannot undo");
            }
            if (word.equals("FOR") && next != null && next.kind() == SqlLexer.Kind.WORD
                    && LOCK_MODES.contains(next.text().toUpperCase(Locale.ROOT))) {
                return Verdict.refuse("it locks rows (FOR " + next.text().toUpperCase(Locale.ROOT) + ")");
            }
            if (word.equals("NEXT") && next != null && next.isWord("VALUE")) {
                return Verdict.refuse("it advances a sequence (NEXT VALUE FOR), which a rollback does not undo");
            }
        }
        if (!selects) {
            return Verdict.refuse("it has no SELECT");
        }
        return new Verdict(true, null, sql.substring(0, tokens.get(end - 1).end()));
    }

    /** What {@code dialect} would read otherwise than the lexer did, or as a variable; {@code null} when nothing. */
    private static String misreading(List<SqlLexer.Token> tokens, SqlDialect dialect) {
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Token token = tokens.get(i);
            SqlLexer.Token previous = i > 0 ? tokens.get(i - 1) : null;
            boolean quoted = token.kind() == SqlLexer.Kind.STRING || token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER;
            if (quoted && token.text().indexOf('\\') >= 0) {
                if (!dialect.backslashIsPlain()) {
                    return "it contains a backslash inside quotes, which this database (" + dialect
                            + ") may read as an escape";
                }
                if (token.kind() == SqlLexer.Kind.STRING && previous != null && previous.end() == token.start()
                        && previous.isWord("E")) {
                    return "it contains a backslash inside an E'...' string, where it is an escape";
                }
            }
            if (token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER && token.text().charAt(0) == '`'
                    && !dialect.quotesWithBackquotes()) {
                return "it contains a backquote, which does not quote names on this database (" + dialect + ")";
            }
            if (token.isSymbol('@') && !dialect.atSignIsOperator()) {
                return "it uses a variable (@name), which is session state";
            }
            if (token.isSymbol('=') && previous != null && previous.isSymbol(':') && previous.end() == token.start()) {
                return "it assigns a variable (:=)";
            }
        }
        return null;
    }

    /**
     * Why the name at {@code at}, followed by {@code (}, may not be called; {@code null} when it is a word of
     * the grammar, a column list or a function on {@link #PURE_FUNCTIONS}.
     */
    private static String callRefusal(List<SqlLexer.Token> tokens, int at, SqlDialect dialect) {
        SqlLexer.Token name = tokens.get(at);
        SqlLexer.Token before = at > 0 ? tokens.get(at - 1) : null;
        if (isColumnList(tokens, at)) {
            return null;
        }
        if (name.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER) {
            return "it calls a function by a quoted name (" + name.text() + "), which the toolbar does not run again";
        }
        String word = name.text().toUpperCase(Locale.ROOT);
        if (before != null && before.isSymbol('.')) {
            SqlLexer.Token schema = at > 1 ? tokens.get(at - 2) : before;
            boolean builtIn = dialect == SqlDialect.POSTGRESQL && schema.isWord("PG_CATALOG")
                    && PURE_FUNCTIONS.contains(word);
            return builtIn ? null : "it calls " + schema.text() + "." + name.text() + "(...), a function outside the"
                    + " toolbar's list of functions known to have no side effects";
        }
        if (PAREN_KEYWORDS.contains(word) || PURE_FUNCTIONS.contains(word)) {
            return null;
        }
        return "it calls " + name.text() + "(...), which is not on the toolbar's list of functions known to have"
                + " no side effects";
    }

    /**
     * Whether the parentheses after the name at {@code at} hold only names and commas and name columns:
     * after {@code AS} or a closing parenthesis ({@code AS v(a, b)}, {@code (VALUES ...) v(a, b)}), or as a
     * common table expression's columns ({@code t(a, b) AS (...)}).
     */
    private static boolean isColumnList(List<SqlLexer.Token> tokens, int at) {
        int close = at + 2;
        if (close >= tokens.size() || tokens.get(close).isSymbol(')')) {
            return false;
        }
        while (close < tokens.size() && !tokens.get(close).isSymbol(')')) {
            SqlLexer.Token inside = tokens.get(close);
            boolean name = inside.kind() == SqlLexer.Kind.WORD || inside.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER;
            if (!name && !inside.isSymbol(',')) {
                return false;
            }
            close++;
        }
        if (close >= tokens.size()) {
            return false;
        }
        SqlLexer.Token before = at > 0 ? tokens.get(at - 1) : null;
        if (before != null && (before.isWord("AS") || before.isSymbol(')'))) {
            return true;
        }
        SqlLexer.Token as = close + 1 < tokens.size() ? tokens.get(close + 1) : null;
        SqlLexer.Token body = close + 2 < tokens.size() ? tokens.get(close + 2) : null;
        return as != null && as.isWord("AS") && body != null
                && (body.isSymbol('(') || body.isWord("MATERIALIZED") || body.isWord("NOT"));
    }
}
