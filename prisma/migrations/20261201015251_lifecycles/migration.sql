-- Stages become data: each program follows a lifecycle of ordered stages. The
-- pilot's five stages move from the ProjectStage enum into its lifecycle, and
-- every project, stage change and proposal keeps its stage, without loss.

-- CreateEnum
CREATE TYPE "StageMeaning" AS ENUM ('PENDING', 'LIVE', 'COMPLETED', 'LEFT');

-- CreateTable
CREATE TABLE "Lifecycle" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "hasStatement" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Lifecycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifecycleStage" (
    "id" SERIAL NOT NULL,
    "lifecycleId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "meaning" "StageMeaning" NOT NULL,
    "onPath" BOOLEAN NOT NULL DEFAULT true,
    "requiresApproval" BOOLEAN NOT NULL DEFAULT true,
    "kpiKey" TEXT,
    "statementOpen" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LifecycleStage_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Lifecycle_code_key" ON "Lifecycle"("code");
CREATE UNIQUE INDEX "LifecycleStage_lifecycleId_code_key" ON "LifecycleStage"("lifecycleId", "code");
CREATE UNIQUE INDEX "LifecycleStage_lifecycleId_sortOrder_key" ON "LifecycleStage"("lifecycleId", "sortOrder");
ALTER TABLE "LifecycleStage" ADD CONSTRAINT "LifecycleStage_lifecycleId_fkey" FOREIGN KEY ("lifecycleId") REFERENCES "Lifecycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The pilot's lifecycle, as the enum had it (the seed keeps it up to date from then on).
INSERT INTO "Lifecycle" (code, name, "nameEn") VALUES ('PILOT', '金融科技应用试点', 'Fintech application pilot');
INSERT INTO "LifecycleStage" ("lifecycleId", code, name, "nameEn", "sortOrder", meaning, "onPath", "kpiKey")
  SELECT l.id, s.code, s.name, s."nameEn", s.ord, s.meaning::"StageMeaning", s."onPath", s."kpiKey"
  FROM "Lifecycle" l CROSS JOIN (VALUES
    ('APPROVED', '获批', 'Approved', 1, 'PENDING', true, NULL),
    ('ONLINE', '上线运行', 'Online', 2, 'LIVE', true, 'online'),
    ('PROMOTION', '应用推广期', 'Promotion', 3, 'LIVE', true, 'promotion'),
    ('COMPLETED', '完成', 'Completed', 4, 'COMPLETED', true, NULL),
    ('WITHDRAWN', '撤回', 'Withdrawn', 5, 'LEFT', false, NULL)
  ) AS s(code, name, "nameEn", ord, meaning, "onPath", "kpiKey")
  WHERE l.code = 'PILOT';

-- Every program so far follows the pilot's lifecycle.
ALTER TABLE "Program" ADD COLUMN "lifecycleId" INTEGER;
UPDATE "Program" SET "lifecycleId" = (SELECT id FROM "Lifecycle" WHERE code = 'PILOT');
ALTER TABLE "Program" ALTER COLUMN "lifecycleId" SET NOT NULL;
ALTER TABLE "Program" ADD CONSTRAINT "Program_lifecycleId_fkey" FOREIGN KEY ("lifecycleId") REFERENCES "Lifecycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Stage changes and proposals name lifecycle stages.
ALTER TABLE "StageChange" ADD COLUMN "fromStageId" INTEGER, ADD COLUMN "toStageId" INTEGER;
UPDATE "StageChange" sc SET
  "fromStageId" = (SELECT ls.id FROM "LifecycleStage" ls JOIN "Lifecycle" l ON l.id = ls."lifecycleId" WHERE l.code = 'PILOT' AND ls.code = sc."fromStage"::text),
  "toStageId" = (SELECT ls.id FROM "LifecycleStage" ls JOIN "Lifecycle" l ON l.id = ls."lifecycleId" WHERE l.code = 'PILOT' AND ls.code = sc."toStage"::text);
ALTER TABLE "StageChange" ALTER COLUMN "toStageId" SET NOT NULL;
DROP INDEX "StageChange_toStage_effectiveDate_idx";
ALTER TABLE "StageChange" DROP COLUMN "fromStage", DROP COLUMN "toStage";

ALTER TABLE "StageProposal" ADD COLUMN "fromStageId" INTEGER, ADD COLUMN "toStageId" INTEGER;
UPDATE "StageProposal" sp SET
  "fromStageId" = (SELECT ls.id FROM "LifecycleStage" ls JOIN "Lifecycle" l ON l.id = ls."lifecycleId" WHERE l.code = 'PILOT' AND ls.code = sp."fromStage"::text),
  "toStageId" = (SELECT ls.id FROM "LifecycleStage" ls JOIN "Lifecycle" l ON l.id = ls."lifecycleId" WHERE l.code = 'PILOT' AND ls.code = sp."toStage"::text);
ALTER TABLE "StageProposal" ALTER COLUMN "fromStageId" SET NOT NULL, ALTER COLUMN "toStageId" SET NOT NULL;
ALTER TABLE "StageProposal" DROP COLUMN "fromStage", DROP COLUMN "toStage";

-- A project's stage, and the furthest stage of the path it has reached: from its
-- current stage, its stage dates and its history, whichever reaches furthest.
ALTER TABLE "Project" ADD COLUMN "stageId" INTEGER, ADD COLUMN "reachedOrder" INTEGER, ADD COLUMN "statement" JSONB;
UPDATE "Project" p SET "stageId" = (
  SELECT ls.id FROM "LifecycleStage" ls JOIN "Lifecycle" l ON l.id = ls."lifecycleId" WHERE l.code = 'PILOT' AND ls.code = p.stage::text);
UPDATE "Project" p SET "reachedOrder" = greatest(
  (SELECT ls."sortOrder" FROM "LifecycleStage" ls WHERE ls.id = p."stageId" AND ls."onPath"),
  CASE WHEN p."onlineAt" IS NOT NULL THEN 2 END,
  CASE WHEN p."promotionAt" IS NOT NULL THEN 3 END,
  CASE WHEN p."completedAt" IS NOT NULL THEN 4 END,
  (SELECT max(ls."sortOrder") FROM "StageChange" sc JOIN "LifecycleStage" ls ON ls.id = sc."toStageId" WHERE sc."projectId" = p.id AND ls."onPath"),
  1);
ALTER TABLE "Project" ALTER COLUMN "stageId" SET NOT NULL, ALTER COLUMN "reachedOrder" SET NOT NULL;
DROP INDEX "Project_programId_stage_idx";
ALTER TABLE "Project" DROP COLUMN "stage", DROP COLUMN "onlineAt", DROP COLUMN "promotionAt", DROP COLUMN "completedAt", DROP COLUMN "withdrawnAt";

-- A program's start is given only when the record gives a day, and it may name its grouping.
ALTER TABLE "Program" ALTER COLUMN "startDate" DROP NOT NULL, ADD COLUMN "startNote" TEXT, ADD COLUMN "directionLabel" TEXT, ADD COLUMN "directionLabelEn" TEXT;

-- Published figures are keyed by text: the program's own counts and its lifecycle's headline stages.
ALTER TABLE "PublishedFigure" ALTER COLUMN "key" TYPE TEXT USING "key"::text;

DROP TYPE "ProjectStage";
DROP TYPE "PublishedFigureKey";

-- Access per program: regulators, leaders and administrators keep every program they had.
ALTER TABLE "User" ADD COLUMN "allPrograms" BOOLEAN NOT NULL DEFAULT false;
UPDATE "User" SET "allPrograms" = true WHERE role IN ('REGULATOR', 'LEADER', 'ADMIN');

-- CreateTable
CREATE TABLE "UserProgram" (
    "userId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,

    CONSTRAINT "UserProgram_pkey" PRIMARY KEY ("userId","programId")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "stageChangeId" INTEGER,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" INTEGER,
    "statement" JSONB,
    "state" JSONB NOT NULL,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UserProgram_programId_idx" ON "UserProgram"("programId");
CREATE UNIQUE INDEX "Dossier_stageChangeId_key" ON "Dossier"("stageChangeId");
CREATE UNIQUE INDEX "Dossier_projectId_number_key" ON "Dossier"("projectId", "number");
CREATE INDEX "Project_programId_stageId_idx" ON "Project"("programId", "stageId");
CREATE INDEX "Project_programId_reachedOrder_idx" ON "Project"("programId", "reachedOrder");
CREATE INDEX "Project_stageId_idx" ON "Project"("stageId");
CREATE INDEX "StageChange_toStageId_effectiveDate_idx" ON "StageChange"("toStageId", "effectiveDate");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "LifecycleStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_fromStageId_fkey" FOREIGN KEY ("fromStageId") REFERENCES "LifecycleStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_toStageId_fkey" FOREIGN KEY ("toStageId") REFERENCES "LifecycleStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StageProposal" ADD CONSTRAINT "StageProposal_fromStageId_fkey" FOREIGN KEY ("fromStageId") REFERENCES "LifecycleStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StageProposal" ADD CONSTRAINT "StageProposal_toStageId_fkey" FOREIGN KEY ("toStageId") REFERENCES "LifecycleStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UserProgram" ADD CONSTRAINT "UserProgram_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UserProgram" ADD CONSTRAINT "UserProgram_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "LifecycleStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_stageChangeId_fkey" FOREIGN KEY ("stageChangeId") REFERENCES "StageChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
