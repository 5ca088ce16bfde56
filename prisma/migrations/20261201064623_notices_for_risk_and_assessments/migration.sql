-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'INCIDENT_REPORTED';
ALTER TYPE "NotificationKind" ADD VALUE 'WARNING_RAISED';
ALTER TYPE "NotificationKind" ADD VALUE 'ASSESSMENT_CONFIRMED';
ALTER TYPE "NotificationKind" ADD VALUE 'REVIEWER_ASSIGNED';

-- AlterEnum
ALTER TYPE "RuleKind" ADD VALUE 'LATE_RETURN';

