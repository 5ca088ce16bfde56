-- CreateTable
CREATE TABLE "IndicatorSummary" (
    "projectId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "latestValue" DECIMAL(20,4) NOT NULL,
    "latestQualifier" "ValueQualifier" NOT NULL,
    "latestAsOf" DATE NOT NULL,
    "periodSum" DECIMAL(20,4) NOT NULL,
    "periodQualifier" "ValueQualifier" NOT NULL,
    "periods" INTEGER NOT NULL,

    CONSTRAINT "IndicatorSummary_pkey" PRIMARY KEY ("projectId","indicatorId")
);

-- CreateIndex
CREATE INDEX "IndicatorSummary_indicatorId_idx" ON "IndicatorSummary"("indicatorId");

-- AddForeignKey
ALTER TABLE "IndicatorSummary" ADD CONSTRAINT "IndicatorSummary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorSummary" ADD CONSTRAINT "IndicatorSummary_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keep IndicatorSummary in step with MetricValue. Statement-level triggers with
-- transition tables: a bulk insert recomputes each touched (project, indicator)
-- pair once, from that pair's values only.
-- The function bodies are E'' strings with each semicolon written as \x3B: the
-- migration runner (adapter-pg's executeScript) splits scripts at every semicolon,
-- dollar-quoted bodies included.
CREATE FUNCTION "indicator_summary_recompute"(project_ids INTEGER[], indicator_ids INTEGER[]) RETURNS void
LANGUAGE plpgsql AS E'
BEGIN
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
    CASE WHEN bool_or(mv.qualifier = \'ABOUT\') THEN \'ABOUT\'::"ValueQualifier"
         WHEN bool_or(mv.qualifier = \'OVER\') THEN \'OVER\'::"ValueQualifier"
         ELSE \'EXACT\'::"ValueQualifier" END,
    count(*)::int
  FROM "MetricValue" mv
    JOIN (SELECT DISTINCT * FROM unnest(project_ids, indicator_ids) AS u(project_id, indicator_id)) t
      ON mv."projectId" = t.project_id AND mv."indicatorId" = t.indicator_id
  GROUP BY mv."projectId", mv."indicatorId"\x3B
END
'
;

CREATE FUNCTION "indicator_summary_after_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "indicator_summary_recompute"(array_agg("projectId"), array_agg("indicatorId")) FROM new_rows\x3B
  RETURN NULL\x3B
END
'
;

CREATE FUNCTION "indicator_summary_after_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "indicator_summary_recompute"(array_agg(p), array_agg(i))
    FROM (SELECT "projectId" AS p, "indicatorId" AS i FROM new_rows UNION SELECT "projectId", "indicatorId" FROM old_rows) t\x3B
  RETURN NULL\x3B
END
'
;

CREATE FUNCTION "indicator_summary_after_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "indicator_summary_recompute"(array_agg("projectId"), array_agg("indicatorId")) FROM old_rows\x3B
  RETURN NULL\x3B
END
'
;

CREATE TRIGGER "MetricValue_summary_insert" AFTER INSERT ON "MetricValue"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_summary_after_insert"();
CREATE TRIGGER "MetricValue_summary_update" AFTER UPDATE ON "MetricValue"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_summary_after_update"();
CREATE TRIGGER "MetricValue_summary_delete" AFTER DELETE ON "MetricValue"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_summary_after_delete"();

-- Values recorded before this migration.
SELECT "indicator_summary_recompute"(array_agg("projectId"), array_agg("indicatorId"))
  FROM (SELECT DISTINCT "projectId", "indicatorId" FROM "MetricValue") t;
