namespace Lakehouse.Sql.Tests.Parsing;

/// <summary>Realistic statements (dashboard queries, ELT, maintenance) used by round-trip and fuzz tests.</summary>
internal static class SqlCorpus
{
    public static readonly string[] Statements =
    [
        """
        SELECT date_trunc('minute', event_time) AS minute, platform, count(*) AS events,
               sum(likes + shares * 2 + comments) AS engagement
        FROM social.events
        WHERE event_time >= current_timestamp - INTERVAL '1' HOUR
        GROUP BY 1, 2
        ORDER BY minute DESC, engagement DESC NULLS LAST
        """,
        """
        SELECT lower(tag) AS hashtag, count(*) AS mentions
        FROM social.events e CROSS JOIN UNNEST(e.hashtags) AS h(tag)
        WHERE e.event_time > TIMESTAMP '2024-05-01 00:00:00 UTC'
        GROUP BY lower(tag)
        ORDER BY mentions DESC
        LIMIT 20
        """,
        """
        SELECT date_trunc('hour', ts) AS hour, tag, avg(sentiment) AS avg_sentiment,
               approx_percentile(sentiment, 0.5) AS median, count_if(sentiment < 0) AS negative
        FROM silver.posts, UNNEST(tags) t(tag)
        GROUP BY 1, 2
        HAVING count(*) >= 10
        """,
        """
        WITH daily AS (
          SELECT CAST(ts AS date) AS day, campaign_id, count(DISTINCT user_id) AS reach, sum(clicks) AS clicks
          FROM gold.ad_events
          WHERE ts >= DATE '2024-01-01' AND ts < DATE '2024-02-01'
          GROUP BY 1, 2
        )
        SELECT d.day, c.name, d.reach, d.clicks, round(d.clicks * 100.0 / nullif(d.reach, 0), 2) AS ctr
        FROM daily d
        JOIN dim.campaigns c ON c.id = d.campaign_id AND c.valid_to IS NULL
        ORDER BY d.day, ctr DESC
        """,
        "SELECT approx_distinct(user_id) AS dau, CAST(event_time AS date) AS day FROM events GROUP BY 2 ORDER BY 2",
        "SELECT platform, approx_percentile(likes, 0.95) AS p95 FROM events GROUP BY platform",
        """
        SELECT * FROM (
          SELECT user_id, sum(likes) AS total,
                 row_number() OVER (PARTITION BY platform ORDER BY sum(likes) DESC) AS rn
          FROM events GROUP BY user_id, platform
        ) ranked WHERE rn <= 10
        """,
        """
        SELECT post_id, (likes + 2 * shares + 3 * comments) / greatest(1, date_diff('hour', created_at, now())) AS viral_score,
               rank() OVER w AS r, lag(likes, 1, 0) OVER w AS prev
        FROM posts
        WINDOW w AS (PARTITION BY author_id ORDER BY created_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        """,
        "SELECT count(*) FROM events WHERE text LIKE '%launch%' OR text ILIKE '%LAUNCH!%%' ESCAPE '!'",
        "SELECT user_id, count(*) FROM events GROUP BY user_id HAVING count(*) > 100 ORDER BY 2 DESC LIMIT 100 OFFSET 10",
        """
        SELECT a.user_id, b.user_id AS follower
        FROM follows a LEFT JOIN follows b ON a.user_id = b.follows_id AND a.follows_id = b.user_id
        WHERE b.user_id IS NULL
        """,
        """
        SELECT json_extract_scalar(payload, '$.user.id') AS uid, CAST(json_extract(payload, '$.tags') AS array(varchar)) AS tags,
               CASE WHEN kind IN ('like', 'share') THEN 1 WHEN kind = 'comment' THEN 2 ELSE 0 END AS weight,
               coalesce(TRY_CAST(payload_size AS bigint), -1) AS size
        FROM bronze.raw_events
        WHERE NOT (kind IS NULL) AND received_at BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-01-02 00:00:00'
        """,
        "SELECT platform, region, count(*) FROM events GROUP BY GROUPING SETS ((platform, region), (platform), ())",
        "SELECT platform, region, count(*), grouping(platform, region) FROM events GROUP BY ROLLUP (platform, region)",
        "SELECT * FROM events FOR VERSION AS OF 8954597067493422955 WHERE user_id = 42",
        "SELECT * FROM events FOR TIMESTAMP AS OF TIMESTAMP '2024-05-01 12:00:00 UTC' e WHERE e.user_id = ?",
        "SELECT snapshot_id, committed_at, operation, summary['added-records'] FROM \"events$snapshots\" ORDER BY committed_at DESC",
        "SELECT file_path, record_count FROM iceberg.social.\"events$files\" WHERE partition.day > DATE '2024-01-01'",
        "SELECT * FROM read_parquet('/data/events/*.parquet') WHERE platform <> 'x' AND likes != 0",
        "SELECT count(*) FROM iceberg_scan('/warehouse/social/events')",
        "SELECT * FROM read_csv('/data/campaigns.csv', header => true) c JOIN read_json('/data/users/*.jsonl') u ON c.owner = u.id",
        "SELECT a FROM t UNION ALL SELECT b FROM u INTERSECT SELECT c FROM v EXCEPT SELECT d FROM w",
        "(SELECT a FROM t ORDER BY a LIMIT 3) UNION (SELECT a FROM u ORDER BY a DESC LIMIT 3) ORDER BY 1",
        "SELECT x FROM t WHERE x IN (SELECT y FROM u WHERE u.k = t.k) AND EXISTS (SELECT 1 FROM v WHERE v.k = t.k) AND x > (SELECT avg(x) FROM t)",
        "SELECT x FROM t WHERE x > ALL (SELECT y FROM u) OR x = ANY (SELECT z FROM v)",
        "SELECT ARRAY[1, 2, 3][2], ROW(1, 'a'), map(ARRAY['k'], ARRAY[1])['k'], CAST(ROW(1, 2.5) AS row(a int, b double)).b",
        "SELECT transform(ARRAY[1, 2], x -> x * 2), reduce(ARRAY[1, 2], 0, (s, x) -> s + x, s -> s), filter(tags, t -> t LIKE '#%')",
        "SELECT ts AT TIME ZONE 'Europe/Paris', EXTRACT(HOUR FROM ts), current_date, current_timestamp(3), localtimestamp",
        "SELECT string_agg(name, ', ' ORDER BY name), array_agg(DISTINCT tag), count(*) FILTER (WHERE likes > 10), listagg(x, ';') WITHIN GROUP (ORDER BY y) FROM t",
        "SELECT sum(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '10' MINUTE PRECEDING AND CURRENT ROW), first_value(x) IGNORE NULLS OVER (PARTITION BY k ORDER BY ts) FROM t",
        "SELECT DISTINCT ON_TIME, \"Weird \"\"Name\"\"\", t.* FROM \"Schema\".t",
        "SELECT -x, - -x, +x, -(-1), 1 - -1, 2.5e-3, .5, 1., X'CAFE', U&'\\0041', 'it''s' FROM t",
        "VALUES (1, 'a'), (2, 'b'), (3, NULL)",
        "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, name) ORDER BY id FETCH FIRST 1 ROWS WITH TIES",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT sum(n) FROM r",
        "SELECT * FROM t1 NATURAL JOIN t2 FULL OUTER JOIN t3 USING (id) RIGHT JOIN t4 ON t4.id = t3.id CROSS JOIN t5",
        "SELECT * FROM a, LATERAL (SELECT * FROM b WHERE b.x = a.x) l, TABLE(sequence(1, 3)) s(n)",
        "EXPLAIN ANALYZE SELECT platform, count(*) FROM events GROUP BY platform",
        "EXPLAIN (TYPE LOGICAL, FORMAT TEXT) SELECT 1",
        "SHOW CATALOGS",
        "SHOW SCHEMAS FROM iceberg LIKE 'soc%'",
        "SHOW TABLES FROM iceberg.social",
        "SHOW COLUMNS FROM social.events",
        "DESCRIBE social.events",
        "CREATE SCHEMA IF NOT EXISTS iceberg.social WITH (location = 's3://lake/social')",
        """
        CREATE TABLE IF NOT EXISTS social.events (
          event_id varchar NOT NULL COMMENT 'unique id',
          event_time timestamp(6) with time zone NOT NULL,
          user_id bigint,
          platform varchar(16),
          likes integer, shares integer, comments integer,
          sentiment double precision,
          price decimal(12, 2),
          hashtags array(varchar),
          props map(varchar, varchar),
          geo row(lat double, lon double),
          raw varbinary, id uuid, doc json, d date, t time(3), iv interval day to second
        )
        COMMENT 'raw social events'
        WITH (partitioning = ARRAY['day(event_time)', 'bucket(16, user_id)'], format = 'PARQUET', format_version = 2)
        """,
        "CREATE TABLE gold.daily AS SELECT CAST(event_time AS date) AS day, count(*) AS n FROM social.events GROUP BY 1",
        "CREATE OR REPLACE TABLE t (a, b) WITH (format = 'PARQUET') AS SELECT 1, 2 WITH NO DATA",
        "INSERT INTO social.events (event_id, user_id) VALUES ('e1', 1), ('e2', 2)",
        "INSERT INTO gold.daily SELECT CAST(event_time AS date), count(*) FROM social.events GROUP BY 1",
        "DROP TABLE IF EXISTS gold.daily",
        "DROP SCHEMA IF EXISTS scratch CASCADE",
        "ALTER TABLE social.events ADD COLUMN IF NOT EXISTS lang varchar COMMENT 'ISO code'",
        "ALTER TABLE social.events DROP COLUMN lang",
        "ALTER TABLE social.events RENAME COLUMN likes TO like_count",
        "ALTER TABLE social.events RENAME TO social.events_v2",
        "ALTER TABLE social.events SET PROPERTIES partitioning = ARRAY['hour(event_time)']",
        "ALTER TABLE social.events EXECUTE optimize(file_size_threshold => '128MB') WHERE event_time < TIMESTAMP '2024-01-01 00:00:00'",
        "COPY (SELECT * FROM social.events WHERE likes > 100) TO '/tmp/popular.parquet' WITH (format = 'parquet')",
        "COPY social.events TO '/tmp/events.csv' (FORMAT csv, HEADER true)",
        "UPDATE dim.users SET valid_to = current_timestamp, is_current = false WHERE id = 5 AND is_current",
        "DELETE FROM bronze.raw_events WHERE received_at < current_timestamp - INTERVAL '400' DAY",
        """
        MERGE INTO dim.users d USING (SELECT * FROM staging.users) s ON d.id = s.id AND d.is_current
        WHEN MATCHED AND s.deleted THEN DELETE
        WHEN MATCHED AND d.name <> s.name THEN UPDATE SET valid_to = s.updated_at, is_current = false
        WHEN NOT MATCHED THEN INSERT (id, name, valid_from, is_current) VALUES (s.id, s.name, s.updated_at, true)
        """,
        "USE iceberg.social",
        "SET SESSION query_max_memory = '2GB'",
        "RESET SESSION query_max_memory",
        "SET TIME ZONE 'UTC'",
        "START TRANSACTION",
        "COMMIT",
        "ROLLBACK",
        "SHOW CREATE TABLE social.events",
    ];
}
