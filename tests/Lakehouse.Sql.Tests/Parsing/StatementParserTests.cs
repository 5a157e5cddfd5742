using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

public class StatementParserTests
{
    [Theory]
    [InlineData("EXPLAIN SELECT 1", "EXPLAIN SELECT 1")]
    [InlineData("EXPLAIN ANALYZE SELECT * FROM t", "EXPLAIN ANALYZE SELECT * FROM t")]
    [InlineData("EXPLAIN ANALYZE VERBOSE SELECT 1", "EXPLAIN ANALYZE VERBOSE SELECT 1")]
    [InlineData("EXPLAIN (FORMAT JSON, TYPE LOGICAL) SELECT 1", "EXPLAIN (format json, type logical) SELECT 1")]
    [InlineData("EXPLAIN (SELECT 1)", "EXPLAIN SELECT 1")]
    [InlineData("EXPLAIN INSERT INTO t VALUES 1", "EXPLAIN INSERT INTO t VALUES 1")]
    [InlineData("SHOW CATALOGS", "SHOW CATALOGS")]
    [InlineData("SHOW CATALOGS LIKE 'ice%'", "SHOW CATALOGS LIKE 'ice%'")]
    [InlineData("SHOW SCHEMAS", "SHOW SCHEMAS")]
    [InlineData("SHOW SCHEMAS FROM iceberg LIKE 'a%'", "SHOW SCHEMAS FROM iceberg LIKE 'a%'")]
    [InlineData("SHOW SCHEMAS IN iceberg", "SHOW SCHEMAS FROM iceberg")]
    [InlineData("SHOW TABLES", "SHOW TABLES")]
    [InlineData("SHOW TABLES FROM iceberg.db LIKE 'ev%'", "SHOW TABLES FROM iceberg.db LIKE 'ev%'")]
    [InlineData("SHOW COLUMNS FROM db.events", "SHOW COLUMNS FROM db.events")]
    [InlineData("SHOW COLUMNS IN events LIKE 'user%'", "SHOW COLUMNS FROM events LIKE 'user%'")]
    [InlineData("DESCRIBE db.events", "SHOW COLUMNS FROM db.events")]
    [InlineData("DESC events", "SHOW COLUMNS FROM events")]
    [InlineData("CREATE SCHEMA analytics", "CREATE SCHEMA analytics")]
    [InlineData("CREATE SCHEMA IF NOT EXISTS iceberg.analytics WITH (location = 's3://b/analytics')", "CREATE SCHEMA IF NOT EXISTS iceberg.analytics WITH (location = 's3://b/analytics')")]
    [InlineData(
        "CREATE TABLE IF NOT EXISTS db.events (event_id varchar NOT NULL, ts timestamp(6) with time zone COMMENT 'event time', user_id bigint, tags array(varchar), props map(varchar, varchar), geo row(lat double, lon double)) COMMENT 'raw events' WITH (partitioning = ARRAY['day(ts)', 'bucket(16, user_id)'], format = 'PARQUET', format_version = 2)",
        "CREATE TABLE IF NOT EXISTS db.events (event_id varchar NOT NULL, ts timestamp(6) with time zone COMMENT 'event time', user_id bigint, tags array(varchar), props map(varchar, varchar), geo row(lat double, lon double)) COMMENT 'raw events' WITH (partitioning = ARRAY['day(ts)', 'bucket(16, user_id)'], format = 'PARQUET', format_version = 2)")]
    [InlineData("CREATE TABLE t (a int NULL, b int)", "CREATE TABLE t (a integer, b integer)")]
    [InlineData("CREATE OR REPLACE TABLE t (a int)", "CREATE OR REPLACE TABLE t (a integer)")]
    [InlineData("CREATE TABLE t AS SELECT * FROM u", "CREATE TABLE t AS SELECT * FROM u")]
    [InlineData("CREATE TABLE t (x, y) COMMENT 'c' WITH (format = 'PARQUET') AS SELECT 1, 2 WITH NO DATA", "CREATE TABLE t (x, y) COMMENT 'c' WITH (format = 'PARQUET') AS SELECT 1, 2 WITH NO DATA")]
    [InlineData("CREATE TABLE IF NOT EXISTS t AS (SELECT 1) WITH DATA", "CREATE TABLE IF NOT EXISTS t AS SELECT 1")]
    [InlineData("CREATE TABLE t WITH (partitioning = ARRAY['month(ts)']) AS WITH a AS (SELECT 1 x) SELECT * FROM a", "CREATE TABLE t WITH (partitioning = ARRAY['month(ts)']) AS WITH a AS (SELECT 1 AS x) SELECT * FROM a")]
    [InlineData("INSERT INTO t VALUES (1, 'a'), (2, 'b')", "INSERT INTO t VALUES (1, 'a'), (2, 'b')")]
    [InlineData("INSERT INTO db.t (a, b) SELECT x, y FROM u WHERE x > 0", "INSERT INTO db.t (a, b) SELECT x, y FROM u WHERE x > 0")]
    [InlineData("INSERT INTO t (SELECT * FROM u)", "INSERT INTO t SELECT * FROM u")]
    [InlineData("INSERT INTO t (a) VALUES (1)", "INSERT INTO t (a) VALUES 1")]
    [InlineData("INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x", "INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x")]
    [InlineData("DROP TABLE t", "DROP TABLE t")]
    [InlineData("DROP TABLE IF EXISTS db.t", "DROP TABLE IF EXISTS db.t")]
    [InlineData("DROP SCHEMA s", "DROP SCHEMA s")]
    [InlineData("DROP SCHEMA IF EXISTS s CASCADE", "DROP SCHEMA IF EXISTS s CASCADE")]
    [InlineData("DROP SCHEMA s RESTRICT", "DROP SCHEMA s")]
    [InlineData("ALTER TABLE t ADD COLUMN c varchar", "ALTER TABLE t ADD COLUMN c varchar")]
    [InlineData("ALTER TABLE IF EXISTS t ADD COLUMN IF NOT EXISTS c decimal(10, 2) NOT NULL COMMENT 'price'", "ALTER TABLE IF EXISTS t ADD COLUMN IF NOT EXISTS c decimal(10, 2) NOT NULL COMMENT 'price'")]
    [InlineData("ALTER TABLE t DROP COLUMN c", "ALTER TABLE t DROP COLUMN c")]
    [InlineData("ALTER TABLE t DROP COLUMN IF EXISTS s.nested", "ALTER TABLE t DROP COLUMN IF EXISTS s.nested")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE t RENAME COLUMN a TO b")]
    [InlineData("ALTER TABLE t RENAME COLUMN IF EXISTS a TO b", "ALTER TABLE t RENAME COLUMN IF EXISTS a TO b")]
    [InlineData("ALTER TABLE t RENAME TO db.u", "ALTER TABLE t RENAME TO db.u")]
    [InlineData("ALTER TABLE t SET PROPERTIES partitioning = ARRAY['hour(ts)'], format_version = 2", "ALTER TABLE t SET PROPERTIES partitioning = ARRAY['hour(ts)'], format_version = 2")]
    [InlineData("ALTER TABLE t EXECUTE optimize", "ALTER TABLE t EXECUTE optimize")]
    [InlineData("ALTER TABLE t EXECUTE optimize(file_size_threshold => '128MB') WHERE day > DATE '2024-01-01'", "ALTER TABLE t EXECUTE optimize(file_size_threshold => '128MB') WHERE day > DATE '2024-01-01'")]
    [InlineData("ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => '7d')", "ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => '7d')")]
    [InlineData("COPY (SELECT * FROM t) TO 'out.parquet'", "COPY (SELECT * FROM t) TO 'out.parquet'")]
    [InlineData("COPY (SELECT 1) TO 'out.csv' WITH (format = 'csv', header = true)", "COPY (SELECT 1) TO 'out.csv' WITH (format = 'csv', header = TRUE)")]
    [InlineData("COPY t TO 'out.jsonl' (FORMAT json)", "COPY t TO 'out.jsonl' WITH (format = json)")]
    [InlineData("UPDATE t SET a = a + 1, b = 'x' WHERE id = 5", "UPDATE t SET a = a + 1, b = 'x' WHERE id = 5")]
    [InlineData("UPDATE t SET a = DEFAULT_VALUE", "UPDATE t SET a = default_value")]
    [InlineData("DELETE FROM t", "DELETE FROM t")]
    [InlineData("DELETE FROM db.t x WHERE x.ts < TIMESTAMP '2024-01-01'", "DELETE FROM db.t AS x WHERE x.ts < TIMESTAMP '2024-01-01'")]
    [InlineData(
        "MERGE INTO dim_users d USING (SELECT * FROM staging) s ON d.id = s.id WHEN MATCHED AND s.deleted THEN DELETE WHEN MATCHED THEN UPDATE SET name = s.name, updated = current_timestamp WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)",
        "MERGE INTO dim_users AS d USING (SELECT * FROM staging) AS s ON d.id = s.id WHEN MATCHED AND s.deleted THEN DELETE WHEN MATCHED THEN UPDATE SET name = s.name, updated = CURRENT_TIMESTAMP WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)")]
    [InlineData("MERGE INTO t USING u ON t.k = u.k WHEN NOT MATCHED AND u.v > 0 THEN INSERT VALUES (u.k, u.v)", "MERGE INTO t USING u ON t.k = u.k WHEN NOT MATCHED AND u.v > 0 THEN INSERT VALUES (u.k, u.v)")]
    [InlineData("USE analytics", "USE analytics")]
    [InlineData("USE iceberg.analytics", "USE iceberg.analytics")]
    [InlineData("SET SESSION query_max_memory = '1GB'", "SET SESSION query_max_memory = '1GB'")]
    [InlineData("SET SESSION iceberg.target_file_size = 1024", "SET SESSION iceberg.target_file_size = 1024")]
    [InlineData("RESET SESSION query_max_memory", "RESET SESSION query_max_memory")]
    [InlineData("select 1;", "SELECT 1")]
    [InlineData("SET TIME ZONE 'America/Los_Angeles'", "SET TIME ZONE 'America/Los_Angeles'")]
    [InlineData("SET TIME ZONE LOCAL", "SET TIME ZONE LOCAL")]
    [InlineData("SET TIME ZONE INTERVAL '10' HOUR", "SET TIME ZONE INTERVAL '10' HOUR")]
    [InlineData("START TRANSACTION", "START TRANSACTION")]
    [InlineData("BEGIN", "START TRANSACTION")]
    [InlineData("begin work", "START TRANSACTION")]
    [InlineData("COMMIT", "COMMIT")]
    [InlineData("COMMIT WORK", "COMMIT")]
    [InlineData("ROLLBACK", "ROLLBACK")]
    [InlineData("SHOW CREATE TABLE db.events", "SHOW CREATE TABLE db.events")]
    public void ParsesAndFormatsCanonically(string sql, string canonical)
    {
        Assert.Equal(canonical, SqlAssert.Canonical(sql));
        SqlAssert.RoundTrip(sql);
    }

    [Fact]
    public void CreateTableTree()
    {
        var create = SqlAssert.Single<CreateTable>(
            "CREATE TABLE IF NOT EXISTS db.e (id bigint NOT NULL COMMENT 'pk', ts timestamp(6)) COMMENT 'c' WITH (partitioning = ARRAY['day(ts)', 'bucket(16, id)'])");
        Assert.True(create.IfNotExists);
        Assert.False(create.OrReplace);
        Assert.Equal(["db", "e"], create.Name.Parts.Select(p => p.Value));
        Assert.Equal(2, create.Columns.Count);
        Assert.True(create.Columns[0].NotNull);
        Assert.Equal("pk", create.Columns[0].Comment);
        Assert.False(create.Columns[1].NotNull);
        Assert.Equal(6, Assert.IsType<DateTimeType>(create.Columns[1].Type).Precision);
        Assert.Equal("c", create.Comment);
        var partitioning = Assert.Single(create.Properties);
        Assert.Equal("partitioning", partitioning.Name.Value);
        var array = Assert.IsType<ArrayConstructor>(partitioning.Value);
        Assert.Equal(["day(ts)", "bucket(16, id)"], array.Elements.Select(e => Assert.IsType<StringLiteral>(e).Value));
        // Partition transforms are expressions too.
        var bucket = Assert.IsType<FunctionCall>(SqlParser.ParseExpression("bucket(16, id)"));
        Assert.Equal(2, bucket.Arguments.Count);
    }

    [Fact]
    public void CreateTableAsTree()
    {
        var ctas = SqlAssert.Single<CreateTableAsSelect>("CREATE TABLE t (a, b) AS SELECT 1, 2 WITH NO DATA");
        Assert.Equal(2, ctas.ColumnNames.Count);
        Assert.False(ctas.WithData);
        Assert.True(SqlAssert.Single<CreateTableAsSelect>("CREATE TABLE t AS SELECT 1").WithData);
    }

    [Fact]
    public void InsertTree()
    {
        var insert = SqlAssert.Single<Insert>("INSERT INTO t (a, b) VALUES (1, 2)");
        Assert.Equal(["a", "b"], insert.Columns.Select(c => c.Value));
        var values = Assert.IsType<Values>(insert.Query.Body);
        Assert.Single(values.Rows);
    }

    [Fact]
    public void AlterTableTrees()
    {
        var add = SqlAssert.Single<AddColumn>("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int");
        Assert.True(add.ColumnIfNotExists);
        Assert.Equal("c", add.Column.Name.Value);
        var rename = SqlAssert.Single<RenameColumn>("ALTER TABLE t RENAME COLUMN a TO b");
        Assert.Equal("b", rename.NewName.Value);
        var properties = SqlAssert.Single<SetTableProperties>("ALTER TABLE t SET PROPERTIES x = 1");
        Assert.Equal("x", properties.Properties[0].Name.Value);
        var execute = SqlAssert.Single<TableExecute>("ALTER TABLE t EXECUTE optimize(file_size_threshold => '10MB')");
        Assert.Equal("optimize", execute.Procedure.Value);
        Assert.Equal("file_size_threshold", execute.Arguments[0].Name!.Value);
    }

    [Fact]
    public void CopyTree()
    {
        var copy = SqlAssert.Single<Copy>("COPY (SELECT 1) TO 'x.parquet' (FORMAT parquet, COMPRESSION 'zstd')");
        Assert.NotNull(copy.Query);
        Assert.Null(copy.Table);
        Assert.Equal("x.parquet", copy.Target);
        Assert.Equal(["format", "compression"], copy.Options.Select(o => o.Name.Value));
        Assert.Equal("parquet", Assert.IsType<ColumnReference>(copy.Options[0].Value).Name.Parts[0].Value);
    }

    [Fact]
    public void MergeTree()
    {
        var merge = SqlAssert.Single<Merge>(
            "MERGE INTO t AS x USING s ON x.k = s.k WHEN MATCHED AND s.d THEN DELETE WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, s.v)");
        Assert.Equal("x", merge.TargetAlias!.Value);
        Assert.IsType<TableReference>(merge.Source);
        Assert.Equal(3, merge.Cases.Count);
        Assert.NotNull(Assert.IsType<MergeDelete>(merge.Cases[0]).Condition);
        Assert.Single(Assert.IsType<MergeUpdate>(merge.Cases[1]).Assignments);
        var insert = Assert.IsType<MergeInsert>(merge.Cases[2]);
        Assert.Equal(2, insert.Columns.Count);
        Assert.Equal(2, insert.Values.Count);
    }

    [Fact]
    public void UpdateAndDeleteTrees()
    {
        var update = SqlAssert.Single<Update>("UPDATE t SET a = 1 WHERE b");
        Assert.Equal("a", update.Assignments[0].Column.Value);
        Assert.NotNull(update.Where);
        var delete = SqlAssert.Single<Delete>("DELETE FROM t");
        Assert.Null(delete.Where);
    }

    [Fact]
    public void ExplainTree()
    {
        var explain = SqlAssert.Single<Explain>("EXPLAIN ANALYZE (TYPE DISTRIBUTED) SELECT 1");
        Assert.True(explain.Analyze);
        Assert.Equal("type", explain.Options[0].Name.Value);
        Assert.Equal("distributed", explain.Options[0].Value.Value);
        Assert.IsType<Query>(explain.Statement);
    }

    [Fact]
    public void ParsesScripts()
    {
        var statements = SqlParser.ParseScript("CREATE SCHEMA s;\n;\nCREATE TABLE s.t (a int);  INSERT INTO s.t VALUES (?), (?);\nSELECT * FROM s.t WHERE a = ?\n");
        Assert.Equal(4, statements.Count);
        Assert.IsType<CreateSchema>(statements[0]);
        Assert.IsType<CreateTable>(statements[1]);
        // Parameters are numbered per statement.
        var last = Assert.IsType<Query>(statements[3]);
        var where = Assert.IsType<BinaryExpression>(Assert.IsType<QuerySpecification>(last.Body).Where);
        Assert.Equal(1, Assert.IsType<Parameter>(where.Right).Number);
        Assert.Empty(SqlParser.ParseScript(" ;; -- nothing\n"));
    }

    [Fact]
    public void ScriptErrorsPointIntoTheRightStatement()
    {
        var error = Assert.Throws<ParserException>(() => SqlParser.ParseScript("SELECT 1;\nSELECT * FORM t;"));
        Assert.Equal("Parser Error: syntax error at or near \"FORM\" (line 2, column 10)", error.Message);
        var missing = Assert.Throws<ParserException>(() => SqlParser.ParseScript("SELECT 1 SELECT 2"));
        Assert.Equal("Parser Error: syntax error at or near \"SELECT\" (line 1, column 10)", missing.Message);
    }
}
