// The largest request body the app reads. Slack's biggest payloads are view submissions,
// and a view is capped at 250 kB, so 1 MB leaves room and still refuses a flood.
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../logger.js';

export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * Refuses (413) a request whose Content-Length is over the cap before a byte of its body is
 * read. Bolt's own `bodyLimit` (set to the same cap) only counts bytes as they arrive, so it
 * stays in place for chunked bodies, which carry no length: it stops reading at the cap.
 */
export function guardBodySize(receiver: HTTPReceiver, logger: Logger, maxBytes = MAX_REQUEST_BYTES): void {
  const listener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      logger.warn({ declared, maxBytes, path: req.url }, 'request body over the limit refused unread');
      // Closing the connection is what keeps the unread body from being drained into the server.
      res.writeHead(413, { connection: 'close' });
      res.end();
      return;
    }
    listener(req, res);
  };
}
