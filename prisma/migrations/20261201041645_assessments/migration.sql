-- CreateEnum
CREATE TYPE "AssessmentRound" AS ENUM ('SELF', 'REGULATOR', 'EXPERT');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('OPEN', 'CONFIRMED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'RUBRIC_SAVE';
ALTER TYPE "AuditAction" ADD VALUE 'ASSESSMENT_SCORE';
ALTER TYPE "AuditAction" ADD VALUE 'ASSESSMENT_CONFIRM';
ALTER TYPE "AuditAction" ADD VALUE 'REVIEWER_ASSIGN';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REVIEWER';

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "assessment" JSONB;

-- AlterTable
ALTER TABLE "LifecycleStage" ADD COLUMN     "requiresAssessment" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Rubric" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Rubric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricDimension" (
    "id" SERIAL NOT NULL,
    "rubricId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "weight" DECIMAL(5,4) NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "RubricDimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'OPEN',
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" INTEGER,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScore" (
    "id" SERIAL NOT NULL,
    "assessmentId" INTEGER NOT NULL,
    "round" "AssessmentRound" NOT NULL,
    "dimensionId" INTEGER NOT NULL,
    "scorerId" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "evidence" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectReviewer" (
    "projectId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectReviewer_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rubric_programId_key" ON "Rubric"("programId");

-- CreateIndex
CREATE UNIQUE INDEX "RubricDimension_rubricId_code_key" ON "RubricDimension"("rubricId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_projectId_key" ON "Assessment"("projectId");

-- CreateIndex
CREATE INDEX "AssessmentScore_dimensionId_idx" ON "AssessmentScore"("dimensionId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentScore_assessmentId_round_dimensionId_scorerId_key" ON "AssessmentScore"("assessmentId", "round", "dimensionId", "scorerId");

-- CreateIndex
CREATE INDEX "ProjectReviewer_userId_idx" ON "ProjectReviewer"("userId");

-- AddForeignKey
ALTER TABLE "Rubric" ADD CONSTRAINT "Rubric_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricDimension" ADD CONSTRAINT "RubricDimension_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "RubricDimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_scorerId_fkey" FOREIGN KEY ("scorerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectReviewer" ADD CONSTRAINT "ProjectReviewer_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectReviewer" ADD CONSTRAINT "ProjectReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

