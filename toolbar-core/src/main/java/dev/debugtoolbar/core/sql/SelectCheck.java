package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.internal.Memo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The conservative test a recorded statement must pass before the toolbar runs it again: one plain
 * {@code SELECT} (or {@code WITH ... SELECT}) that writes nothing, locks nothing and has no effect a
 * rollback cannot undo. Comments, literals and quoted names are set aside before looking at the words;
 * text that databases read differently is refused outright. When in doubt it refuses: a harmless
 * statement refused costs a developer one click, a write replayed costs data.
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

    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "INTO",
            "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME", "GRANT", "REVOKE", "CALL", "EXEC", "EXECUTE", "COPY",
            "LOCK", "UNLOCK", "VACUUM", "ANALYZE", "NEXTVAL", "SETVAL", "SET_CONFIG", "DBLINK", "DBLINK_EXEC",
            "GET_LOCK", "RELEASE_LOCK", "RELEASE_ALL_LOCKS", "LOAD_FILE", "SLEEP", "BENCHMARK", "FILE_WRITE",
            "FILE_READ", "CSVWRITE", "CSVREAD", "LINK_SCHEMA", "SYS_EXEC", "SYS_EVAL", "PG_SLEEP", "PG_NOTIFY");
    private static final List<String> WRITING_PREFIXES = List.of("PG_ADVISORY", "PG_TRY_ADVISORY", "PG_TERMINATE",
            "PG_CANCEL", "PG_RELOAD", "PG_ROTATE", "PG_READ", "PG_WRITE", "PG_LS_", "PG_STAT_FILE",
            "PG_CREATE", "PG_DROP", "PG_REPLICATION", "LO_", "DBLINK_");
    private static final Set<String> LOCK_MODES = Set.of("UPDATE", "SHARE", "KEY", "NO");

    /**
     * SQL texts whose verdict is remembered: an application runs a bounded set of texts, again and again. Texts of
     * up to 8,192 characters, 1 MB of them in all (a verdict holds at most its text again).
     */
    private static final Memo<String, Verdict> VERDICTS = new Memo<>(4_096, 8_192, 1024 * 1024, SelectCheck::judge);

    private SelectCheck() {
    }

    /** The verdict on {@code sql}; a text's verdict never changes, so it is worked out once per text. */
    static Verdict check(String sql) {
        return sql == null ? judge(null) : VERDICTS.get(sql);
    }

    private static Verdict judge(String sql) {
        if (sql == null || sql.isBlank()) {
            return Verdict.refuse("there is no SQL text");
        }
        SqlLexer.Result lexed = SqlLexer.lex(sql);
        if (lexed.ambiguity() != null) {
            return Verdict.refuse("it contains " + lexed.ambiguity());
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
        while (first < body.size() && body.get(first).text().equals("(")) {
            first++;
        }
        if (first == body.size() || !(body.get(first).isWord("SELECT") || body.get(first).isWord("WITH"))) {
            return Verdict.refuse("only a SELECT (or WITH ... SELECT) is run again, and this starts with '"
                    + body.get(Math.min(first, body.size() - 1)).text() + "'");
        }
        boolean selects = false;
        for (int i = 0; i < body.size(); i++) {
            SqlLexer.Token token = body.get(i);
            if (token.kind() != SqlLexer.Kind.WORD) {
                continue;
            }
            String word = token.text().toUpperCase(Locale.ROOT);
            selects |= word.equals("SELECT");
            if (WRITES.contains(word) || WRITING_PREFIXES.stream().anyMatch(word::startsWith)) {
                return Verdict.refuse("it contains " + word + ", which writes, locks or has effects a rollback"
                        + " cannot undo");
            }
            SqlLexer.Token next = i + 1 < body.size() ? body.get(i + 1) : null;
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
}
