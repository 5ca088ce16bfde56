-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'MILESTONE_EDIT';
ALTER TYPE "AuditAction" ADD VALUE 'COMMENT_EDIT';
ALTER TYPE "AuditAction" ADD VALUE 'REPORT_EDIT';
ALTER TYPE "AuditAction" ADD VALUE 'INSTITUTION_EDIT';
ALTER TYPE "AuditAction" ADD VALUE 'INDICATOR_EDIT';
ALTER TYPE "AuditAction" ADD VALUE 'TECHNOLOGY_EDIT';
ALTER TYPE "AuditAction" ADD VALUE 'RECORD_RETIRE';
ALTER TYPE "AuditAction" ADD VALUE 'RECORD_RESTORE';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredById" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredById" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "editedFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredById" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredById" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredById" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "editedFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredById" INTEGER;

-- AlterTable
ALTER TABLE "Technology" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredById" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AddForeignKey
ALTER TABLE "Technology" ADD CONSTRAINT "Technology_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

