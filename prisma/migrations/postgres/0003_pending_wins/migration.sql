-- CreateTable
CREATE TABLE "PendingWin" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingWin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingWin_sourceKey_key" ON "PendingWin"("sourceKey");

-- CreateIndex
CREATE INDEX "PendingWin_userId_createdAt_idx" ON "PendingWin"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "PendingWin" ADD CONSTRAINT "PendingWin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

