-- AlterTable
ALTER TABLE "User" ADD COLUMN "homeHash" TEXT;

