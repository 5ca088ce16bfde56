-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'ON_OR_BEFORE', 'BETWEEN');

-- AlterEnum
ALTER TYPE "ValueQualifier" ADD VALUE 'AT_LEAST';

-- DropForeignKey
ALTER TABLE "Project" DROP CONSTRAINT "Project_fieldId_fkey";

-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "kindInferred" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "kind" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "directionId" INTEGER,
ADD COLUMN     "directionInferred" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "directionNote" TEXT,
ADD COLUMN     "fieldNote" TEXT,
ADD COLUMN     "stageInferred" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stageNote" TEXT,
ALTER COLUMN "fieldId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "ProjectInstitution" ADD COLUMN     "roleInferred" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "roleNote" TEXT;

-- AlterTable: a bounded date keeps its bound, the old flag meant "on or before".
ALTER TABLE "StageChange" ADD COLUMN     "dateInferred" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
ADD COLUMN     "notBefore" DATE;
UPDATE "StageChange" SET "datePrecision" = 'ON_OR_BEFORE' WHERE "dateApprox";
ALTER TABLE "StageChange" DROP COLUMN "dateApprox";

-- CreateIndex
CREATE INDEX "Project_directionId_idx" ON "Project"("directionId");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_directionId_fkey" FOREIGN KEY ("directionId") REFERENCES "Direction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A project's direction was its field's, it is now stated on its own, so that a
-- project can have a direction without a field.
UPDATE "Project" p SET "directionId" = f."directionId" FROM "Field" f WHERE f.id = p."fieldId";

-- Placeholders were given a field in turn and a stage in code order: neither is
-- data. They keep no direction and no field (未公开), their stage is marked as
-- derived from the published totals, and their stage dates become the range the
-- record allows (after the list's approval, by the date of the figures).
UPDATE "Project" SET "directionId" = NULL, "fieldId" = NULL, "fieldInferred" = false,
  "stageInferred" = true,
  "stageNote" = '占位：阶段由公开总数减去已公开项目推得，并非该项目的记录。'
  WHERE "isPlaceholder";
UPDATE "StageChange" sc SET "datePrecision" = 'BETWEEN', "notBefore" = p."approvedAt"
  FROM "Project" p
  WHERE p.id = sc."projectId" AND p."isPlaceholder" AND sc."datePrecision" = 'ON_OR_BEFORE';
-- Placeholder institutions: nothing about them is known, their kind included.
UPDATE "Institution" SET "kind" = NULL WHERE "isPlaceholder";

-- The summary's period qualifier knows the new AT_LEAST ("six scenarios and others").
CREATE OR REPLACE FUNCTION "indicator_summary_recompute"(project_ids INTEGER[], indicator_ids INTEGER[]) RETURNS void
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
