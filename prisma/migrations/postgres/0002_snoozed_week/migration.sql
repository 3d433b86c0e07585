-- AlterTable
ALTER TABLE "Profile" ADD COLUMN     "snoozedWeek" TEXT;

