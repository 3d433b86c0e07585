import type { Db } from '../client.js';

export interface UserRecord {
  id: string;
  teamId: string | null;
  tz: string | null;
  dmChannelId: string | null;
}

export interface ProfileRecord {
  userId: string;
  currentLevel: string;
  targetLevel: string;
  managerId: string;
  targetCycle: string;
  nudgeDay: number;
  nudgeMinute: number;
  nudgesPausedUntil: string | null;
  nextNudgeAt: Date | null;
  onboardedAt: Date;
}

/** What onboarding and the profile modal write. */
export type ProfileInput = Pick<
  ProfileRecord,
  'currentLevel' | 'targetLevel' | 'managerId' | 'targetCycle' | 'nudgeDay' | 'nudgeMinute' | 'nextNudgeAt'
>;

const userFields = { id: true, teamId: true, tz: true, dmChannelId: true } as const;
const profileFields = {
  userId: true,
  currentLevel: true,
  targetLevel: true,
  managerId: true,
  targetCycle: true,
  nudgeDay: true,
  nudgeMinute: true,
  nudgesPausedUntil: true,
  nextNudgeAt: true,
  onboardedAt: true,
} as const;

export function usersRepository(db: Db) {
  return {
    async find(id: string): Promise<UserRecord | null> {
      return db.user.findUnique({ where: { id }, select: userFields });
    },

    /** Slack's hash of the Home tab last published for the user; null before the first publish. */
    async homeHash(userId: string): Promise<string | null> {
      return (await db.user.findUnique({ where: { id: userId }, select: { homeHash: true } }))?.homeHash ?? null;
    },

    /**
     * Keeps the hash a Home publish came back with. A publish made over a known hash keeps
     * its hash only while that one is still stored: a later publish may have stored its own.
     */
    async setHomeHash(userId: string, hash: string, publishedOver: string | null): Promise<void> {
      await db.user.updateMany({ where: { id: userId, ...(publishedOver ? { homeHash: publishedOver } : {}) }, data: { homeHash: hash } });
    },

    /** Records a user the first time we meet them; later calls refresh what Slack told us. */
    async upsert(user: { id: string; teamId?: string | null; tz?: string | null }): Promise<UserRecord> {
      const data = {
        ...(user.teamId !== undefined ? { teamId: user.teamId } : {}),
        ...(user.tz !== undefined ? { tz: user.tz } : {}),
      };
      return db.user.upsert({ where: { id: user.id }, create: { id: user.id, ...data }, update: data, select: userFields });
    },

    async cacheDmChannel(id: string, dmChannelId: string): Promise<void> {
      await db.user.upsert({ where: { id }, create: { id, dmChannelId }, update: { dmChannelId } });
    },

    async findProfile(userId: string): Promise<ProfileRecord | null> {
      return db.profile.findUnique({ where: { userId }, select: profileFields });
    },

    async setNextNudgeAt(userId: string, nextNudgeAt: Date | null): Promise<void> {
      await db.profile.update({ where: { userId }, data: { nextNudgeAt } });
    },

    /** Creates or replaces the profile (onboarding, settings), creating the user if needed. */
    async saveProfile(userId: string, tz: string | null, input: ProfileInput): Promise<ProfileRecord> {
      return db.$transaction(async (tx) => {
        await tx.user.upsert({
          where: { id: userId },
          create: { id: userId, tz },
          update: tz ? { tz } : {},
        });
        return tx.profile.upsert({
          where: { userId },
          create: { userId, ...input },
          update: input,
          select: profileFields,
        });
      });
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
