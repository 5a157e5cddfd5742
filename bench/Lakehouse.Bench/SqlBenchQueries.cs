namespace Lakehouse.Bench;

/// <summary>
/// The twelve dashboard queries of the <c>sql</c> benchmark, our dialect (Trino) and DuckDB's side by side.
/// Placeholders: <c>{events}</c> and <c>{campaigns}</c> (quoted file paths), <c>{since}</c> (epoch seconds of
/// "one hour before the last event"). <see cref="SqlBenchQuery.Tolerance"/> is the relative tolerance of the
/// checksum comparison (approximate aggregates get a few percent).
/// </summary>
public static class SqlBenchQueries
{
    public static IReadOnlyList<SqlBenchQuery> All { get; } =
    [
        new(
            "engagement_per_minute",
            """
            SELECT date_trunc('minute', ts) AS minute, platform, count(*) AS events, sum(likes) AS likes
            FROM read_parquet({events}) WHERE ts >= from_unixtime({since})
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            """
            SELECT date_trunc('minute', ts) AS minute, platform, count(*) AS events, sum(likes) AS likes
            FROM read_parquet({events}) WHERE ts >= to_timestamp({since})
            GROUP BY 1, 2 ORDER BY 1, 2
            """),
        new(
            "top_hashtags_unnest",
            """
            SELECT tag, count(*) AS n
            FROM read_parquet({events}) e CROSS JOIN UNNEST(e.hashtags) AS t(tag)
            GROUP BY tag ORDER BY n DESC, tag LIMIT 20
            """,
            """
            SELECT tag, count(*) AS n
            FROM (SELECT unnest(hashtags) AS tag FROM read_parquet({events})) t
            GROUP BY tag ORDER BY n DESC, tag LIMIT 20
            """),
        new(
            "hourly_sentiment_per_hashtag",
            """
            SELECT date_trunc('hour', e.ts) AS hour, t.tag, avg(e.sentiment) AS sentiment, count(*) AS n
            FROM read_parquet({events}) e CROSS JOIN UNNEST(e.hashtags) AS t(tag)
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            """
            SELECT date_trunc('hour', ts) AS hour, tag, avg(sentiment) AS sentiment, count(*) AS n
            FROM (SELECT ts, sentiment, unnest(hashtags) AS tag FROM read_parquet({events})) t
            GROUP BY 1, 2 ORDER BY 1, 2
            """),
        new(
            "daily_campaign_performance_join",
            """
            SELECT date_trunc('day', e.ts) AS day, c.advertiser, count(*) AS events, sum(e.likes) AS likes,
                   avg(e.sentiment) AS sentiment, sum(CAST(c.budget AS double)) AS budget_weight
            FROM read_parquet({events}) e JOIN read_parquet({campaigns}) c ON e.campaign_id = c.campaign_id
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            """
            SELECT date_trunc('day', e.ts) AS day, c.advertiser, count(*) AS events, sum(e.likes) AS likes,
                   avg(e.sentiment) AS sentiment, sum(CAST(c.budget AS double)) AS budget_weight
            FROM read_parquet({events}) e JOIN read_parquet({campaigns}) c ON e.campaign_id = c.campaign_id
            GROUP BY 1, 2 ORDER BY 1, 2
            """),
        new(
            "distinct_users_per_day",
            """
            SELECT date_trunc('day', ts) AS day, count(DISTINCT user_id) AS users
            FROM read_parquet({events}) GROUP BY 1 ORDER BY 1
            """,
            """
            SELECT date_trunc('day', ts) AS day, count(DISTINCT user_id) AS users
            FROM read_parquet({events}) GROUP BY 1 ORDER BY 1
            """),
        new(
            "p95_likes_per_platform",
            """
            SELECT platform, approx_percentile(likes, 0.95) AS p95, count(*) AS n
            FROM read_parquet({events}) GROUP BY platform ORDER BY platform
            """,
            """
            SELECT platform, approx_quantile(likes, 0.95) AS p95, count(*) AS n
            FROM read_parquet({events}) GROUP BY platform ORDER BY platform
            """,
            Tolerance: 0.05),
        new(
            "top_users_row_number",
            """
            SELECT platform, user_id, likes, rn FROM (
              SELECT platform, user_id, likes, row_number() OVER (PARTITION BY platform ORDER BY likes DESC, user_id) AS rn
              FROM (SELECT platform, user_id, sum(likes) AS likes FROM read_parquet({events}) GROUP BY 1, 2) u) r
            WHERE rn <= 10 ORDER BY platform, rn
            """,
            """
            SELECT platform, user_id, likes, rn FROM (
              SELECT platform, user_id, likes, row_number() OVER (PARTITION BY platform ORDER BY likes DESC, user_id) AS rn
              FROM (SELECT platform, user_id, sum(likes) AS likes FROM read_parquet({events}) GROUP BY 1, 2) u) r
            WHERE rn <= 10 ORDER BY platform, rn
            """),
        new(
            "viral_score_rank_window",
            """
            SELECT post_id, score, rnk FROM (
              SELECT post_id, score, rank() OVER (ORDER BY score DESC) AS rnk
              FROM (SELECT post_id, CAST(sum(likes) AS double) * 0.7 + count(*) * 3.0 + sum(sentiment) * 10.0 AS score
                    FROM read_parquet({events}) GROUP BY post_id) p) r
            WHERE rnk <= 100 ORDER BY rnk, post_id
            """,
            """
            SELECT post_id, score, rnk FROM (
              SELECT post_id, score, rank() OVER (ORDER BY score DESC) AS rnk
              FROM (SELECT post_id, CAST(sum(likes) AS double) * 0.7 + count(*) * 3.0 + sum(sentiment) * 10.0 AS score
                    FROM read_parquet({events}) GROUP BY post_id) p) r
            WHERE rnk <= 100 ORDER BY rnk, post_id
            """),
        new(
            "dau_per_platform_approx",
            """
            SELECT date_trunc('day', ts) AS day, platform, approx_distinct(user_id) AS dau
            FROM read_parquet({events}) GROUP BY 1, 2 ORDER BY 1, 2
            """,
            """
            SELECT date_trunc('day', ts) AS day, platform, approx_count_distinct(user_id) AS dau
            FROM read_parquet({events}) GROUP BY 1, 2 ORDER BY 1, 2
            """,
            Tolerance: 0.03,
            DuckDbCheck: """
            SELECT date_trunc('day', ts) AS day, platform, count(DISTINCT user_id) AS dau
            FROM read_parquet({events}) GROUP BY 1, 2 ORDER BY 1, 2
            """),
        new(
            "like_text_filter",
            """
            SELECT platform, count(*) AS n, avg(likes) AS avg_likes
            FROM read_parquet({events}) WHERE text LIKE '%amazing%' GROUP BY platform ORDER BY platform
            """,
            """
            SELECT platform, count(*) AS n, avg(likes) AS avg_likes
            FROM read_parquet({events}) WHERE text LIKE '%amazing%' GROUP BY platform ORDER BY platform
            """),
        new(
            "group_by_user_id",
            """
            SELECT user_id, count(*) AS events, sum(likes) AS likes, avg(sentiment) AS sentiment
            FROM read_parquet({events}) GROUP BY user_id
            """,
            """
            SELECT user_id, count(*) AS events, sum(likes) AS likes, avg(sentiment) AS sentiment
            FROM read_parquet({events}) GROUP BY user_id
            """),
        new(
            "self_join_post_reactions",
            """
            SELECT p.platform, count(*) AS reactions, sum(r.likes) AS likes
            FROM read_parquet({events}) p JOIN read_parquet({events}) r ON r.post_id = p.post_id
            WHERE p.kind = 'post' AND r.kind <> 'post'
            GROUP BY p.platform ORDER BY p.platform
            """,
            """
            SELECT p.platform, count(*) AS reactions, sum(r.likes) AS likes
            FROM read_parquet({events}) p JOIN read_parquet({events}) r ON r.post_id = p.post_id
            WHERE p.kind = 'post' AND r.kind <> 'post'
            GROUP BY p.platform ORDER BY p.platform
            """),
    ];
}
