-- Two writers recording values of one project's indicator at once both rebuilt
-- its summary row: the second one's INSERT met the first one's row and failed
-- with a unique violation, which the form reported as a duplicate date (the
-- load test found it). The recomputation now first takes a transaction lock on
-- each (project, indicator) pair it rebuilds, in one of 64 buckets, in bucket
-- order: the second writer waits for the first to commit and then counts its
-- value too. A statement that touches more than 8 pairs (an import) takes all
-- 64 buckets in order, so bulk writers never hold a lock another one needs
-- while waiting for one that one holds.
CREATE OR REPLACE FUNCTION "indicator_summary_recompute"(project_ids INTEGER[], indicator_ids INTEGER[]) RETURNS void
LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(8417, b.bucket)
    FROM (SELECT DISTINCT CASE WHEN n.pairs > 8 THEN g.bucket ELSE ((u.project_id * 31 + u.indicator_id) % 64) END AS bucket
            FROM unnest(project_ids, indicator_ids) AS u(project_id, indicator_id)
            CROSS JOIN (SELECT count(DISTINCT (p, i)) AS pairs FROM unnest(project_ids, indicator_ids) AS x(p, i)) n
            LEFT JOIN generate_series(0, 63) AS g(bucket) ON n.pairs > 8
          ORDER BY 1) b\x3B
  DELETE FROM "IndicatorSummary" s
    USING unnest(project_ids, indicator_ids) AS t(project_id, indicator_id)
    WHERE s."projectId" = t.project_id AND s."indicatorId" = t.indicator_id\x3B
  INSERT INTO "IndicatorSummary"
    ("projectId", "indicatorId", "latestValue", "latestQualifier", "latestAsOf", "periodSum", "periodQualifier", "periods")
  SELECT mv."projectId", mv."indicatorId",
    (array_agg(mv.value ORDER BY mv."asOf" DESC))[1],
    (array_agg(mv.qualifier ORDER BY mv."asOf" DESC))[1],
    max(mv."asOf"),
    sum(mv.value),
    CASE WHEN bool_or(mv.qualifier::text = \'ABOUT\') THEN \'ABOUT\'::"ValueQualifier"
         WHEN bool_or(mv.qualifier::text = \'OVER\') THEN \'OVER\'::"ValueQualifier"
         WHEN bool_or(mv.qualifier::text = \'AT_LEAST\') THEN \'AT_LEAST\'::"ValueQualifier"
         ELSE \'EXACT\'::"ValueQualifier" END,
    count(*)::int
  FROM "MetricValue" mv
    JOIN (SELECT DISTINCT * FROM unnest(project_ids, indicator_ids) AS u(project_id, indicator_id)) t
      ON mv."projectId" = t.project_id AND mv."indicatorId" = t.indicator_id
  GROUP BY mv."projectId", mv."indicatorId"\x3B
END
'
;
