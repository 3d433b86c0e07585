import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';

type Adapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/**
 * Set around each incoming request: until the request has been answered, its queries go
 * ahead of everything else. Work with no request around it (jobs, the CLI) queues in turn.
 */
export const awaitingAnswer = new AsyncLocalStorage<{ answered: boolean }>();

/** Under a steady stream of urgent queries, every this-many-th start still goes to the rest. */
const WAITING_TURN = 4;

/**
 * Who uses the database next, and when.
 *
 * Under a burst, the queries of the requests already acked (writes, Home refreshes) would
 * crowd out the few a request needs before it can ack, and Slack shows an error for an
 * ack later than 3 s. So the database is handed out in turns: at most `connections`
 * queries or transactions at once, queries of unanswered requests first, the rest in the
 * order they asked, each started on a fresh turn of the event loop.
 *
 * That last part matters most for SQLite: better-sqlite3 runs a query on the event loop
 * itself and Prisma resolves it without any I/O, so a request's chain of queries would
 * run back to back while requests waiting on the socket are not even read (200
 * concurrent `/promo win` saw acks up to 6 s late). A fresh turn reads the socket first.
 */
class Turns {
  private readonly urgent: (() => void)[] = [];
  private readonly waiting: (() => void)[] = [];
  private inUse = 0;
  private scheduled = false;
  private starts = 0;

  constructor(private readonly connections: number) {}

  /** Resolves when it is the caller's turn; the caller must `done()` after. */
  take(): Promise<void> {
    const urgent = awaitingAnswer.getStore()?.answered === false;
    return new Promise((start) => {
      (urgent ? this.urgent : this.waiting).push(start);
      this.schedule();
    });
  }

  done(): void {
    this.inUse--;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || (this.urgent.length === 0 && this.waiting.length === 0)) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inUse < this.connections) {
        // Urgent first, except every WAITING_TURN-th start: the work after the acks never stalls.
        const waitingFirst = ++this.starts % WAITING_TURN === 0;
        const start = waitingFirst ? (this.waiting.shift() ?? this.urgent.shift()) : (this.urgent.shift() ?? this.waiting.shift());
        if (!start) return;
        this.inUse++;
        start();
      }
    });
  }

  /** Runs `query` in its turn. */
  async run<T>(query: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await query();
    } finally {
      this.done();
    }
  }
}

/**
 * The driver adapter with its queries taking turns for `connections` connections. A
 * transaction holds its turn from start to commit or rollback, and its own queries go
 * straight on. With SQLite's single connection, that also keeps any other query from
 * running inside someone else's transaction (and being lost if it rolled back).
 */
export function takingTurns(factory: SqlDriverAdapterFactory, connections: number): SqlDriverAdapterFactory {
  const turns = new Turns(connections);
  const inTurn = (transaction: Transaction): Transaction => {
    const ending = (end: () => Promise<void>) => () => end().finally(() => turns.done());
    // The adapters' methods use private fields: each is called on the adapter's own object.
    return {
      provider: transaction.provider,
      adapterName: transaction.adapterName,
      options: transaction.options,
      queryRaw: (query) => transaction.queryRaw(query),
      executeRaw: (query) => transaction.executeRaw(query),
      commit: ending(() => transaction.commit()),
      rollback: ending(() => transaction.rollback()),
    };
  };
  const connect = async (): Promise<Adapter> => {
    const adapter = await factory.connect();
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => turns.run(() => adapter.queryRaw(query)),
      executeRaw: (query) => turns.run(() => adapter.executeRaw(query)),
      executeScript: (script) => turns.run(() => adapter.executeScript(script)),
      async startTransaction(isolationLevel) {
        await turns.take();
        try {
          return inTurn(await adapter.startTransaction(isolationLevel));
        } catch (error) {
          turns.done();
          throw error;
        }
      },
      ...(adapter.getConnectionInfo ? { getConnectionInfo: adapter.getConnectionInfo.bind(adapter) } : {}),
      dispose: () => adapter.dispose(),
    };
  };
  return { provider: factory.provider, adapterName: factory.adapterName, connect };
}
