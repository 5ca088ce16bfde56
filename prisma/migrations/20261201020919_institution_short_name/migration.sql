-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "shortName" TEXT;

