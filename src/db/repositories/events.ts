import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';

export function eventsRepository(db: Db) {
  return {
    async wasProcessed(eventId: string): Promise<boolean> {
      return (await db.processedEvent.findUnique({ where: { eventId }, select: { eventId: true } })) !== null;
    },

    /**
     * Records that a Slack event was handled. Returns false when it already was: Slack
     * re-sends events it thinks were missed, and every replica sees the same event id.
     */
    async markProcessed(eventId: string): Promise<boolean> {
      try {
        await db.processedEvent.create({ data: { eventId } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Slack retries for about an hour at most; older ids only take space. */
    async forgetBefore(cutoff: Date): Promise<number> {
      const { count } = await db.processedEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
      return count;
    },
  };
}

export type EventsRepository = ReturnType<typeof eventsRepository>;
