package dev.debugtoolbar.core.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectCheckTest {

    /** The databases the toolbar runs statements again on. */
    private static final List<SqlDialect> REPLAYED = List.of(SqlDialect.H2, SqlDialect.POSTGRESQL);

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
            // what Hibernate and Spring Data send
            "select b1_0.id,b1_0.title from book b1_0 where b1_0.title like ? escape '\\'",
            "select b1_0.id,b1_0.title from book b1_0 where upper(b1_0.title) like upper(?) escape '\\' offset ? rows"
                    + " fetch first ? rows only",
            "/* <criteria> */ select count(b1_0.id) from book b1_0 left join author a1_0 on a1_0.id=b1_0.author_id"
                    + " where a1_0.name=? and b1_0.price between ? and ?",
            "select b1_0.id from book b1_0 where exists(select 1 from review r1_0 where r1_0.book_id=b1_0.id)"
                    + " and b1_0.id in (?,?,?) and b1_0.title is not null",
            "select cast(? as varchar(255)), coalesce(b.title, 'none'), lower(trim(b.title)), extract(year from"
                    + " b.published), substring(b.title from 1 for 3), position('a' in b.title) from book b",
            "select b.author_id, count(*), avg(b.price), max(b.price) from book b group by b.author_id"
                    + " having count(*) > 1 order by 2 desc",
            "select b.id, row_number() over (partition by b.author_id order by b.price desc) as rn,"
                    + " count(*) filter (where b.price > 10) over () from book b",
            "select * from (select b.id, b.title from book b) x(id, title) where x.id = ?",
            "select v.a from (values (1, 'x'), (2, 'y')) as v(a, b)",
            "with top(author_id, n) as (select author_id, count(*) from book group by author_id)"
                    + " select a.name, t.n from author a join top t on t.author_id = a.id",
            "select case when b.price > ? then 'dear' else 'cheap' end, b.price * (1 + ?) from book b",
            "select b.id from book b where b.price = any (select price from book) and not (b.id < 0)",
            "select concat(a.first_name, ' ', a.last_name), date_trunc('day', b.published) from author a, book b",
            "select string_agg(b.title, ', ') within group (order by b.title) from book b",
    })
    void allowsWhatApplicationsRunOnEveryReplayedDatabase(String sql) {
        for (SqlDialect dialect : REPLAYED) {
            SelectCheck.Verdict verdict = SelectCheck.check(sql, dialect);
            assertTrue(verdict.allowed(), dialect + ": " + sql + ": " + verdict.reason());
            assertNull(verdict.reason());
        }
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
            "SELECT * FROM FINAL TABLE (INSERT INTO t VALUES (1))",
            // functions with effects, by any spelling
            "SELECT nextval('seq')",
            "SELECT \"NEXTVAL\"('seq')",
            "SELECT \"nextval\"('seq')",
            "SELECT seq.NEXTVAL FROM dual",
            "SELECT NEXT VALUE FOR seq",
            "SELECT NEXT\u00A0VALUE FOR seq",
            "SELECT NEXT\u2003VALUE FOR seq",
            "SELECT NEXT\u000BVALUE FOR seq",
            "SELECT pg_advisory_lock(1)",
            "SELECT \"pg_advisory_lock\"(1)",
            "SELECT pg_try_advisory_lock(1)",
            "SELECT pg_advisory_xact_lock(1)",
            "SELECT pg_terminate_backend(42)",
            "SELECT \"pg_terminate_backend\"(pid) FROM pg_stat_activity",
            "SELECT pg_catalog.pg_terminate_backend(42)",
            "SELECT pg_catalog . \"pg_terminate_backend\" (42)",
            "SELECT pg_cancel_backend(42)",
            "SELECT pg_read_file('/etc/passwd')",
            "SELECT * FROM pg_ls_dir('.')",
            "SELECT pg_sleep(100)",
            "SELECT pg_sleep/**/(100)",
            "SELECT pg_notify('c', 'x')",
            "SELECT lo_import('/etc/passwd')",
            "SELECT dblink_exec('host=x', 'DELETE FROM t')",
            "SELECT * FROM dblink('host=x', 'SELECT 1') AS d(a int)",
            "SELECT set_config('role', 'admin', false)",
            "SELECT current_setting('x'), txid_current()",
            "SELECT CSVWRITE('/tmp/x.csv', 'SELECT * FROM t')",
            "SELECT \"CSVWRITE\"('/tmp/x.csv', 'SELECT * FROM t')",
            "SELECT \"FILE_WRITE\"('x', '/tmp/x')",
            "SELECT FILE_WRITE('x', '/tmp/x')",
            "SELECT FILE_READ('/etc/passwd')",
            "SELECT * FROM CSVREAD('/etc/passwd')",
            "SELECT * FROM \"CSVREAD\"('/etc/passwd')",
            "SELECT LINK_SCHEMA('a', '', 'jdbc:h2:mem:x', '', '', 'PUBLIC')",
            "SELECT SET(@x, 1)",
            "SELECT \"SET\"(\"X\", 1)",
            "SELECT CANCEL_SESSION(1)",
            "SELECT ABORT_SESSION(1)",
            "SELECT PUBLIC.BUMP()",
            "SELECT BUMP() AS b",
            "SELECT 1 FROM t WHERE my_function(t.id) > 0",
            "SELECT * FROM TABLE(x INT = (1, 2))",
            "SELECT RAND(42)",
            "SELECT a := 1",
            "SELECT U&\"\\0070g_sleep\"(10)",
            // text read otherwise than it looks
            "SELECT 1 -- x\r; DROP TABLE t",
            "SELECT 1 -- x\u2028; DROP TABLE t",
            "SELECT 1 -- x\u0085; DROP TABLE t",
            "SELECT 1 # '\n; DELETE FROM t; -- '",
            "SELECT E'abc\\' ; DELETE FROM t; -- '",
            "SELECT e'\\''; DELETE FROM t; -- '",
            "SELECT `a` FROM t",
            "SELECT 1 /*! ; DELETE FROM t */",
            "SELECT 1 /* /* */ ; DELETE FROM t; /* */",
            "SELECT 1 --1; DELETE FROM t",
            "SELECT $$; DELETE FROM t; $$",
            "SELECT 'unterminated",
            "SELECT 1 /* unterminated",
            "SELECT\u00A01",
            "SELECT 1\u3000FROM t",
            "SELECT 1 FROM \u0442",
            "VALUES (1)",
            "EXPLAIN SELECT 1",
            "SHOW TABLES",
            "TABLE t",
    })
    void refusesAnythingElseWithAReasonOnEveryReplayedDatabase(String sql) {
        for (SqlDialect dialect : REPLAYED) {
            SelectCheck.Verdict verdict = SelectCheck.check(sql, dialect);
            assertFalse(verdict.allowed(), dialect + ": " + sql);
            assertFalse(verdict.reason().isBlank(), sql);
        }
    }

    @Test
    void readsABackslashInQuotesAsTheDatabaseDoes() {
        String search = "select b1_0.id from book b1_0 where b1_0.title like ? escape '\\'";
        assertTrue(SelectCheck.check(search, SqlDialect.H2).allowed());
        assertTrue(SelectCheck.check(search, SqlDialect.POSTGRESQL).allowed());
        assertTrue(SelectCheck.check("SELECT \"a\\b\" FROM t", SqlDialect.H2).allowed());
        for (SqlDialect escaping : List.of(SqlDialect.MYSQL, SqlDialect.MARIADB, SqlDialect.OTHER)) {
            SelectCheck.Verdict verdict = SelectCheck.check(search, escaping);
            assertFalse(verdict.allowed(), escaping.toString());
            assertTrue(verdict.reason().contains("backslash inside quotes"), verdict.reason());
        }
        // the hiding trick MySQL allows: the quote after the backslash is not the end of the string there
        assertFalse(SelectCheck.check("SELECT 'abc\\' ; DELETE FROM t; -- '", SqlDialect.MYSQL).allowed());
        assertTrue(SelectCheck.check("SELECT 'abc\\' AS x", SqlDialect.H2).allowed());
    }

    @Test
    void readsBackquotesAndAtSignsAsTheDatabaseDoes() {
        assertTrue(SelectCheck.check("SELECT `a` FROM t", SqlDialect.MYSQL).allowed());
        assertFalse(SelectCheck.check("SELECT @x := 1", SqlDialect.MYSQL).allowed());
        assertFalse(SelectCheck.check("SELECT @x", SqlDialect.H2).allowed());
        assertTrue(SelectCheck.check("SELECT * FROM t WHERE tags @> ARRAY['a']", SqlDialect.POSTGRESQL).allowed());
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void refusesCallsOutsideTheListOfPureFunctionsWhateverTheDatabase(SqlDialect dialect) {
        SelectCheck.Verdict verdict = SelectCheck.check("SELECT lower(title), get_lock('x', 1) FROM t", dialect);
        assertFalse(verdict.allowed());
        assertTrue(verdict.reason().contains("get_lock(...), which is not on the toolbar's list"), verdict.reason());
    }

    @Test
    void allowsOnlyPureBuiltInsWhenQualified() {
        assertTrue(SelectCheck.check("SELECT pg_catalog.lower(title) FROM t", SqlDialect.POSTGRESQL).allowed());
        assertFalse(SelectCheck.check("SELECT public.lower(title) FROM t", SqlDialect.POSTGRESQL).allowed());
        assertFalse(SelectCheck.check("SELECT pg_catalog.lower(title) FROM t", SqlDialect.H2).allowed());
    }

    @Test
    void runsTheStatementWithoutItsTrailingSemicolon() {
        assertEquals("SELECT 1", SelectCheck.check("SELECT 1 ;; ", SqlDialect.H2).statement());
        assertEquals("SELECT 'a;b'", SelectCheck.check("SELECT 'a;b';", SqlDialect.H2).statement());
    }

    @Test
    void namesWhatItFound() {
        assertTrue(SelectCheck.check("SELECT * FROM t FOR UPDATE", SqlDialect.H2).reason().contains("UPDATE"));
        assertTrue(SelectCheck.check("SELECT 1; SELECT 2", SqlDialect.H2).reason().contains("more than one"));
        assertTrue(SelectCheck.check("UPDATE t SET x = 1", SqlDialect.H2).reason().contains("starts with 'UPDATE'"));
        assertTrue(SelectCheck.check("SELECT \"FILE_WRITE\"('x', '/tmp/x')", SqlDialect.H2).reason()
                .contains("quoted name (\"FILE_WRITE\")"));
        assertTrue(SelectCheck.check("SELECT NEXT\u00A0VALUE FOR s", SqlDialect.H2).reason().contains("U+00A0"));
        assertTrue(SelectCheck.check("SELECT 1 -- x\r; DROP TABLE t", SqlDialect.H2).reason()
                .contains("more than one statement"));
    }
}
