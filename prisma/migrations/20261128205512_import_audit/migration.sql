-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'IMPORT_CREATE';

