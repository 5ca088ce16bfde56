-- CreateEnum
CREATE TYPE "IncidentCategory" AS ENUM ('BUSINESS_CONTINUITY', 'DATA_SECURITY', 'TRANSACTION_SECURITY', 'CONSUMER_COMPLAINTS', 'COMPLIANCE', 'OTHER');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('GENERAL', 'MAJOR', 'SERIOUS', 'CRITICAL');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'HANDLING', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RuleKind" AS ENUM ('THRESHOLD', 'DROP', 'STAGNANT', 'STALE', 'COMPLAINT_RATE', 'INCIDENT_SEVERITY', 'ENVELOPE');

-- CreateEnum
CREATE TYPE "RuleDirection" AS ENUM ('ABOVE', 'BELOW');

-- CreateEnum
CREATE TYPE "WarningStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'CLOSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'INCIDENT_REPORT';
ALTER TYPE "AuditAction" ADD VALUE 'INCIDENT_ADVANCE';
ALTER TYPE "AuditAction" ADD VALUE 'INCIDENT_CLOSE';
ALTER TYPE "AuditAction" ADD VALUE 'INCIDENT_SEND_BACK';
ALTER TYPE "AuditAction" ADD VALUE 'RULE_SAVE';
ALTER TYPE "AuditAction" ADD VALUE 'WARNING_ACKNOWLEDGE';
ALTER TYPE "AuditAction" ADD VALUE 'WARNING_CLOSE';

-- CreateTable
CREATE TABLE "IncidentDeadline" (
    "programId" INTEGER NOT NULL,
    "severity" "Severity" NOT NULL,
    "hours" INTEGER NOT NULL,

    CONSTRAINT "IncidentDeadline_pkey" PRIMARY KEY ("programId","severity")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "category" "IncidentCategory" NOT NULL,
    "severity" "Severity" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "customersAffected" INTEGER,
    "amountAffected" DECIMAL(20,2),
    "description" TEXT NOT NULL,
    "actionsTaken" TEXT NOT NULL DEFAULT '',
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "reporterId" INTEGER NOT NULL,
    "signedOffById" INTEGER,
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringRule" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RuleKind" NOT NULL,
    "indicatorId" INTEGER,
    "baseIndicatorId" INTEGER,
    "direction" "RuleDirection",
    "limit" DECIMAL(20,4),
    "count" INTEGER,
    "incidentSeverity" "Severity",
    "severity" "Severity" NOT NULL,
    "projectIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Warning" (
    "id" SERIAL NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "openKey" TEXT,
    "value" DECIMAL(20,4) NOT NULL,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "status" "WarningStatus" NOT NULL DEFAULT 'OPEN',
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledById" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "handledAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Warning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpectedScale" (
    "projectId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "limit" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "ExpectedScale_pkey" PRIMARY KEY ("projectId","indicatorId")
);

-- CreateIndex
CREATE INDEX "Incident_projectId_occurredAt_idx" ON "Incident"("projectId", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_status_severity_idx" ON "Incident"("status", "severity");

-- CreateIndex
CREATE INDEX "MonitoringRule_programId_active_idx" ON "MonitoringRule"("programId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Warning_openKey_key" ON "Warning"("openKey");

-- CreateIndex
CREATE INDEX "Warning_status_raisedAt_idx" ON "Warning"("status", "raisedAt");

-- CreateIndex
CREATE INDEX "Warning_projectId_raisedAt_idx" ON "Warning"("projectId", "raisedAt");

-- AddForeignKey
ALTER TABLE "IncidentDeadline" ADD CONSTRAINT "IncidentDeadline_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringRule" ADD CONSTRAINT "MonitoringRule_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringRule" ADD CONSTRAINT "MonitoringRule_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringRule" ADD CONSTRAINT "MonitoringRule_baseIndicatorId_fkey" FOREIGN KEY ("baseIndicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Warning" ADD CONSTRAINT "Warning_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "MonitoringRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Warning" ADD CONSTRAINT "Warning_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Warning" ADD CONSTRAINT "Warning_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectedScale" ADD CONSTRAINT "ExpectedScale_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectedScale" ADD CONSTRAINT "ExpectedScale_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

