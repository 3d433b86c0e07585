-- CreateTable
CREATE TABLE "OrgSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'default',
    "defaultNudgeDay" INTEGER NOT NULL DEFAULT 5,
    "defaultNudgeMinute" INTEGER NOT NULL DEFAULT 900,
    "sharedPlanMode" TEXT NOT NULL DEFAULT 'private_channel',
    "llmEnabled" BOOLEAN NOT NULL DEFAULT true,
    "retentionDays" INTEGER,
    "ladderYaml" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "calibrationDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT,
    "tz" TEXT,
    "dmChannelId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Profile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "currentLevel" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "targetCycle" TEXT NOT NULL,
    "nudgeDay" INTEGER NOT NULL DEFAULT 5,
    "nudgeMinute" INTEGER NOT NULL DEFAULT 900,
    "nudgesPausedUntil" TEXT,
    "nextNudgeAt" DATETIME,
    "snoozedNudgeAt" DATETIME,
    "onboardedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Win" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "link" TEXT,
    "source" TEXT NOT NULL,
    "permalink" TEXT,
    "authorId" TEXT,
    "criteria" JSONB NOT NULL,
    "crossTeam" BOOLEAN NOT NULL DEFAULT false,
    "enabledOthers" BOOLEAN NOT NULL DEFAULT false,
    "sourceKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Win_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WeekAnswer" (
    "userId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "week"),
    CONSTRAINT "WeekAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PrepDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "step" TEXT NOT NULL DEFAULT 'timing',
    "targetCycle" TEXT,
    "opening" TEXT,
    "examples" JSONB NOT NULL,
    "gap" TEXT,
    "stretchProject" TEXT,
    "cadenceMonths" INTEGER NOT NULL DEFAULT 1,
    "askComp" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PrepDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "prepDraftId" TEXT,
    "title" TEXT NOT NULL,
    "scheduledAt" DATETIME,
    "durationMinutes" INTEGER NOT NULL DEFAULT 45,
    "onePager" TEXT NOT NULL,
    "reminderMessageId" TEXT,
    "managerSaid" TEXT,
    "hedgeKind" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_prepDraftId_fkey" FOREIGN KEY ("prepDraftId") REFERENCES "PrepDraft" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "meetingId" TEXT,
    "managerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "calibrationDate" TEXT NOT NULL,
    "cadenceMonths" INTEGER NOT NULL DEFAULT 1,
    "sharedChannelId" TEXT,
    "sharedMessageTs" TEXT,
    "confirmedAt" DATETIME,
    "confirmedBy" TEXT,
    "nextCheckInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Plan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Plan_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "dueDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "evidence" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanCriterion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanChange_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "answers" JSONB NOT NULL,
    "summaryTs" TEXT,
    "acknowledgedBy" TEXT,
    "acknowledgedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CheckIn_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CycleOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cycleId" TEXT,
    "cycleName" TEXT NOT NULL,
    "promoted" BOOLEAN NOT NULL,
    "planCriteriaDone" BOOLEAN NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CycleOutcome_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CycleOutcome_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SharedChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "engineerId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SharedChannel_engineerId_fkey" FOREIGN KEY ("engineerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "channelId" TEXT,
    "messageTs" TEXT,
    "error" TEXT,
    CONSTRAINT "Delivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_name_key" ON "Cycle"("name");

-- CreateIndex
CREATE INDEX "Profile_nextNudgeAt_userId_idx" ON "Profile"("nextNudgeAt", "userId");

-- CreateIndex
CREATE INDEX "Profile_snoozedNudgeAt_userId_idx" ON "Profile"("snoozedNudgeAt", "userId");

-- CreateIndex
CREATE INDEX "Profile_managerId_idx" ON "Profile"("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "Win_sourceKey_key" ON "Win"("sourceKey");

-- CreateIndex
CREATE INDEX "Win_userId_date_idx" ON "Win"("userId", "date");

-- CreateIndex
CREATE INDEX "PrepDraft_userId_status_idx" ON "PrepDraft"("userId", "status");

-- CreateIndex
CREATE INDEX "Meeting_userId_scheduledAt_idx" ON "Meeting"("userId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Plan_userId_status_idx" ON "Plan"("userId", "status");

-- CreateIndex
CREATE INDEX "Plan_status_nextCheckInAt_idx" ON "Plan"("status", "nextCheckInAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanCriterion_planId_position_key" ON "PlanCriterion"("planId", "position");

-- CreateIndex
CREATE INDEX "PlanChange_planId_createdAt_idx" ON "PlanChange"("planId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_planId_period_key" ON "CheckIn"("planId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "CycleOutcome_userId_cycleName_key" ON "CycleOutcome"("userId", "cycleName");

-- CreateIndex
CREATE UNIQUE INDEX "SharedChannel_engineerId_managerId_key" ON "SharedChannel"("engineerId", "managerId");

-- CreateIndex
CREATE INDEX "Delivery_status_claimedAt_idx" ON "Delivery"("status", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_userId_kind_period_key" ON "Delivery"("userId", "kind", "period");

-- CreateIndex
CREATE INDEX "ProcessedEvent_receivedAt_idx" ON "ProcessedEvent"("receivedAt");

