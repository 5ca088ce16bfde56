-- CreateEnum
CREATE TYPE "ReturnFrequency" AS ENUM ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('ACCEPT', 'RETURN');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('RETURN_DUE', 'RETURN_OVERDUE', 'RETURN_RETURNED', 'RETURN_ACCEPTED', 'STAGE_DECIDED', 'COMMENT_ADDED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'RETURN_TEMPLATE_SAVE';
ALTER TYPE "AuditAction" ADD VALUE 'RETURN_SCHEDULE_SAVE';
ALTER TYPE "AuditAction" ADD VALUE 'RETURN_SUBMIT';
ALTER TYPE "AuditAction" ADD VALUE 'RETURN_ACCEPT';
ALTER TYPE "AuditAction" ADD VALUE 'RETURN_SEND_BACK';

-- AlterTable
ALTER TABLE "MetricValue" ADD COLUMN     "returnId" INTEGER;

-- CreateTable
CREATE TABLE "ReturnTemplate" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "ReturnTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnTemplateVersion" (
    "id" SERIAL NOT NULL,
    "templateId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "sections" JSONB NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReturnTemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnSchedule" (
    "id" SERIAL NOT NULL,
    "templateId" INTEGER NOT NULL,
    "stageCodes" TEXT[],
    "frequency" "ReturnFrequency" NOT NULL,
    "dueDays" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "ReturnSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Return" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "templateId" INTEGER NOT NULL,
    "scheduleId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "templateVersionId" INTEGER NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'DRAFT',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "firstSubmittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Return_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnSubmission" (
    "id" SERIAL NOT NULL,
    "returnId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "ReviewDecision",
    "reviewNote" TEXT NOT NULL DEFAULT '',
    "sectionComments" JSONB NOT NULL DEFAULT '{}',
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "ReturnSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "key" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "href" TEXT NOT NULL,
    "projectId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "emailError" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "email" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnTemplate_programId_code_key" ON "ReturnTemplate"("programId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnTemplateVersion_templateId_number_key" ON "ReturnTemplateVersion"("templateId", "number");

-- CreateIndex
CREATE INDEX "Return_scheduleId_period_idx" ON "Return"("scheduleId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Return_projectId_templateId_period_key" ON "Return"("projectId", "templateId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnSubmission_returnId_number_key" ON "ReturnSubmission"("returnId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_key_key" ON "Notification"("key");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "Return"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnTemplate" ADD CONSTRAINT "ReturnTemplate_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnTemplateVersion" ADD CONSTRAINT "ReturnTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ReturnTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnTemplateVersion" ADD CONSTRAINT "ReturnTemplateVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnSchedule" ADD CONSTRAINT "ReturnSchedule_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ReturnTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ReturnTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "ReturnSchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "ReturnTemplateVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnSubmission" ADD CONSTRAINT "ReturnSubmission_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "Return"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnSubmission" ADD CONSTRAINT "ReturnSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnSubmission" ADD CONSTRAINT "ReturnSubmission_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

