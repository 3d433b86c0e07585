-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "hedgeKindSuggested" TEXT;

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN "note" TEXT;
ALTER TABLE "CheckIn" ADD COLUMN "remindedAt" DATETIME;

-- AlterTable
ALTER TABLE "CycleOutcome" ADD COLUMN "planId" TEXT;
ALTER TABLE "CycleOutcome" ADD COLUMN "reason" TEXT;

-- CreateIndex
CREATE INDEX "Plan_status_calibrationDate_idx" ON "Plan"("status", "calibrationDate");

-- CreateIndex
CREATE INDEX "CheckIn_status_createdAt_idx" ON "CheckIn"("status", "createdAt");

