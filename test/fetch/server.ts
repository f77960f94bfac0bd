import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How the loopback server answers one request. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** gzip the body and say so in Content-Encoding. */
  gzip?: boolean;
  /** Announce the full length but send only this many bytes, then close (truncated body). */
  truncateAt?: number;
  /** Send this many bytes of the body, then destroy the socket (dropped connection mid-body). */
  dropAfter?: number;
  /** Wait this long before answering (slow server). */
  delayMs?: number;
}

export interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Loopback {
  /** Base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  requests: Seen[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server (127.0.0.1, ephemeral port) for tests: `answer` is called with each
 * request and its 0-based number. More than `max` requests (default 40) get HTTP 599 so a
 * runaway retry loop fails the test instead of spinning.
 */
export async function loopback(answer: (req: Seen, n: number) => Reply, max = 40): Promise<Loopback> {
  const requests: Seen[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const seen = { url: req.url ?? '', headers: req.headers };
    const n = requests.push(seen) - 1;
    const r: Reply = n >= max ? { status: 599, body: 'too many requests in this test' } : answer(seen, n);
    const send = () => {
      let body = typeof r.body === 'string' ? Buffer.from(r.body) : (r.body ?? Buffer.alloc(0));
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...(r.headers ?? {}) };
      if (r.gzip) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      if (r.dropAfter !== undefined) {
        res.writeHead(r.status ?? 200, headers);
        res.write(body.subarray(0, r.dropAfter), () => res.socket?.destroy());
        return;
      }
      headers['content-length'] = String(body.length);
      res.writeHead(r.status ?? 200, headers);
      if (r.truncateAt !== undefined) {
        res.write(body.subarray(0, r.truncateAt), () => res.socket?.destroy());
        return;
      }
      res.end(body);
    };
    if (r.delayMs !== undefined) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) send();
      }, r.delayMs);
      timers.add(t);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
