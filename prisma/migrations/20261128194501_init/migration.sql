-- CreateEnum
CREATE TYPE "ProjectStage" AS ENUM ('APPROVED', 'ONLINE', 'PROMOTION', 'COMPLETED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('BANK', 'PAYMENT_ORG', 'INDUSTRY_ASSOCIATION', 'PUBLIC_INSTITUTION', 'TECH_COMPANY', 'OTHER');

-- CreateEnum
CREATE TYPE "InstitutionRole" AS ENUM ('LEAD', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('COUNT', 'AMOUNT', 'PERCENT');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('SUM', 'MAX', 'LATEST');

-- CreateEnum
CREATE TYPE "ValueQualifier" AS ENUM ('EXACT', 'ABOUT', 'OVER');

-- CreateEnum
CREATE TYPE "PublishedFigureKey" AS ENUM ('PROJECTS', 'INSTITUTIONS', 'DIRECTIONS', 'FIELDS', 'ONLINE', 'PROMOTION');

-- CreateTable
CREATE TABLE "Program" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "isSynthetic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedFigure" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "key" "PublishedFigureKey" NOT NULL,
    "value" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "PublishedFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Direction" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Direction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Field" (
    "id" SERIAL NOT NULL,
    "directionId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Field_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Technology" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sourced" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Technology_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Institution" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "licensed" BOOLEAN,
    "isPlaceholder" BOOLEAN NOT NULL DEFAULT false,
    "sourceNote" TEXT,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "programId" INTEGER NOT NULL,
    "fieldId" INTEGER NOT NULL,
    "fieldInferred" BOOLEAN NOT NULL DEFAULT false,
    "stage" "ProjectStage" NOT NULL DEFAULT 'APPROVED',
    "approvedAt" DATE NOT NULL,
    "onlineAt" DATE,
    "promotionAt" DATE,
    "completedAt" DATE,
    "withdrawnAt" DATE,
    "scenarios" TEXT[],
    "isPlaceholder" BOOLEAN NOT NULL DEFAULT false,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectInstitution" (
    "projectId" INTEGER NOT NULL,
    "institutionId" INTEGER NOT NULL,
    "role" "InstitutionRole" NOT NULL,

    CONSTRAINT "ProjectInstitution_pkey" PRIMARY KEY ("projectId","institutionId")
);

-- CreateTable
CREATE TABLE "ProjectTechnology" (
    "projectId" INTEGER NOT NULL,
    "technologyId" INTEGER NOT NULL,

    CONSTRAINT "ProjectTechnology_pkey" PRIMARY KEY ("projectId","technologyId")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "fromStage" "ProjectStage",
    "toStage" "ProjectStage" NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "dateApprox" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "completedAt" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "aggregation" "Aggregation" NOT NULL,
    "higherIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "cumulative" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricValue" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "qualifier" "ValueQualifier" NOT NULL DEFAULT 'EXACT',
    "source" TEXT NOT NULL,
    "sourceNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Program_code_key" ON "Program"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedFigure_programId_key_asOf_key" ON "PublishedFigure"("programId", "key", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "Direction_programId_code_key" ON "Direction"("programId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Field_directionId_code_key" ON "Field"("directionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Technology_name_key" ON "Technology"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_name_key" ON "Institution"("name");

-- CreateIndex
CREATE INDEX "Institution_kind_idx" ON "Institution"("kind");

-- CreateIndex
CREATE INDEX "Institution_isPlaceholder_idx" ON "Institution"("isPlaceholder");

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE INDEX "Project_programId_stage_idx" ON "Project"("programId", "stage");

-- CreateIndex
CREATE INDEX "Project_fieldId_idx" ON "Project"("fieldId");

-- CreateIndex
CREATE INDEX "Project_isPlaceholder_idx" ON "Project"("isPlaceholder");

-- CreateIndex
CREATE INDEX "ProjectInstitution_institutionId_idx" ON "ProjectInstitution"("institutionId");

-- CreateIndex
CREATE INDEX "ProjectTechnology_technologyId_idx" ON "ProjectTechnology"("technologyId");

-- CreateIndex
CREATE INDEX "StageChange_projectId_effectiveDate_idx" ON "StageChange"("projectId", "effectiveDate");

-- CreateIndex
CREATE INDEX "StageChange_toStage_effectiveDate_idx" ON "StageChange"("toStage", "effectiveDate");

-- CreateIndex
CREATE INDEX "Milestone_projectId_dueDate_idx" ON "Milestone"("projectId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "MetricValue_indicatorId_projectId_asOf_idx" ON "MetricValue"("indicatorId", "projectId", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "MetricValue_projectId_indicatorId_asOf_key" ON "MetricValue"("projectId", "indicatorId", "asOf");

-- AddForeignKey
ALTER TABLE "PublishedFigure" ADD CONSTRAINT "PublishedFigure_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Direction" ADD CONSTRAINT "Direction_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Field" ADD CONSTRAINT "Field_directionId_fkey" FOREIGN KEY ("directionId") REFERENCES "Direction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectInstitution" ADD CONSTRAINT "ProjectInstitution_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectInstitution" ADD CONSTRAINT "ProjectInstitution_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTechnology" ADD CONSTRAINT "ProjectTechnology_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTechnology" ADD CONSTRAINT "ProjectTechnology_technologyId_fkey" FOREIGN KEY ("technologyId") REFERENCES "Technology"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
