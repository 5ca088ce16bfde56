-- CreateEnum
CREATE TYPE "FeedbackCategory" AS ENUM ('COMMENT', 'COMPLAINT');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('NEW', 'HANDLED', 'HIDDEN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'FEEDBACK_SUBMIT';
ALTER TYPE "AuditAction" ADD VALUE 'FEEDBACK_MODERATE';
ALTER TYPE "AuditAction" ADD VALUE 'FEEDBACK_ANSWER';

-- AlterTable
ALTER TABLE "AuditEntry" ALTER COLUMN "actorId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "LifecycleStage" ADD COLUMN     "publicNotice" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PublicFeedback" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "category" "FeedbackCategory" NOT NULL,
    "body" TEXT NOT NULL,
    "contact" TEXT,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'NEW',
    "summary" TEXT,
    "answer" TEXT NOT NULL DEFAULT '',
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PublicFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicFeedback_projectId_createdAt_idx" ON "PublicFeedback"("projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "PublicFeedback" ADD CONSTRAINT "PublicFeedback_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

