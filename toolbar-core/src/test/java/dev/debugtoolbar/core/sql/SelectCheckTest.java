package dev.debugtoolbar.core.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "select id, title from books where id = ?",
            "  SELECT * FROM t WHERE note = 'insert; delete; drop table t'  ",
            "SELECT \"update\", \"into\" FROM \"delete\"",
            "SELECT * FROM t -- DELETE FROM t\n WHERE id = 1",
            "SELECT /* UPDATE t SET x = 1 */ * FROM t",
            "WITH recent AS (SELECT * FROM books ORDER BY id DESC) SELECT * FROM recent",
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) SELECT x FROM n",
            "(SELECT 1) UNION (SELECT 2)",
            "SELECT 'it''s' FROM t;",
            "SELECT updated_at, inserted_by, deleted FROM t",
            "SELECT a FROM t ORDER BY a FETCH FIRST 10 ROWS ONLY",
    })
    void allowsPlainSelects(String sql) {
        SelectCheck.Verdict verdict = SelectCheck.check(sql);
        assertTrue(verdict.allowed(), sql + ": " + verdict.reason());
        assertNull(verdict.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "UPDATE t SET x = 1",
            "INSERT INTO t VALUES (1)",
            "DELETE FROM t",
            "DROP TABLE t",
            "CREATE TABLE x AS SELECT * FROM t",
            "TRUNCATE t",
            "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
            "CALL do_things()",
            "SELECT 1; DELETE FROM t",
            "SELECT 1; SELECT 2",
            "SELECT * INTO backup FROM t",
            "SELECT * FROM t INTO OUTFILE '/tmp/x'",
            "SELECT * FROM t FOR UPDATE",
            "SELECT * FROM t FOR NO KEY UPDATE",
            "SELECT * FROM t FOR SHARE",
            "SELECT * FROM t FOR KEY SHARE",
            "SELECT * FROM t LOCK IN SHARE MODE",
            "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone",
            "WITH moved AS (UPDATE t SET x = 1 RETURNING *) SELECT * FROM moved",
            "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
            "SELECT nextval('seq')",
            "SELECT NEXT VALUE FOR seq",
            "SELECT pg_advisory_lock(1)",
            "SELECT pg_terminate_backend(42)",
            "SELECT lo_import('/etc/passwd')",
            "SELECT dblink_exec('host=x', 'DELETE FROM t')",
            "SELECT set_config('role', 'admin', false)",
            "SELECT CSVWRITE('/tmp/x.csv', 'SELECT * FROM t')",
            "SELECT 1 # '\n; DELETE FROM t; -- '",
            "SELECT 'abc\\' ; DELETE FROM t; -- '",
            "SELECT 1 /*! ; DELETE FROM t */",
            "SELECT 1 /* /* */ ; DELETE FROM t; /* */",
            "SELECT 1 --1; DELETE FROM t",
            "SELECT $$; DELETE FROM t; $$",
            "SELECT 'unterminated",
            "SELECT 1 /* unterminated",
            "VALUES (1)",
            "EXPLAIN SELECT 1",
            "SHOW TABLES",
            "TABLE t",
    })
    void refusesAnythingElseWithAReason(String sql) {
        SelectCheck.Verdict verdict = SelectCheck.check(sql);
        assertFalse(verdict.allowed(), sql);
        assertFalse(verdict.reason().isBlank(), sql);
    }

    @Test
    void runsTheStatementWithoutItsTrailingSemicolon() {
        assertEquals("SELECT 1", SelectCheck.check("SELECT 1 ;; ").statement());
        assertEquals("SELECT 'a;b'", SelectCheck.check("SELECT 'a;b';").statement());
    }

    @Test
    void namesWhatItFound() {
        assertTrue(SelectCheck.check("SELECT * FROM t FOR UPDATE").reason().contains("UPDATE"));
        assertTrue(SelectCheck.check("SELECT 1; SELECT 2").reason().contains("more than one statement"));
        assertTrue(SelectCheck.check("UPDATE t SET x = 1").reason().contains("starts with 'UPDATE'"));
    }
}
