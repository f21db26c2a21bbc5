import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

/**
 * A local SMTP server for development and tests: mail travels over the real protocol and lands
 * in memory, where the dev mailbox page and the tests read it.
 */
export interface DevSmtp {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message to `to` that arrives after the call (or is already there, if `since` is 0). */
  waitFor(to: string, opts?: { since?: number; timeoutMs?: number; subject?: RegExp }): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startDevSmtp(port = 0, host = '127.0.0.1'): Promise<DevSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let nextId = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            id: nextId++,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: new Date().toISOString(),
          });
          if (messages.length > 500) messages.shift();
          for (const w of waiters) w();
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://${host}:${actualPort}`,
    messages,
    waitFor(to, opts = {}) {
      const since = opts.since ?? 0;
      const find = () =>
        messages.find(
          (m) =>
            m.id > since &&
            m.to.includes(to.toLowerCase()) &&
            (!opts.subject || opts.subject.test(m.subject)),
        );
      return new Promise((resolve, reject) => {
        const hit = find();
        if (hit) return resolve(hit);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${to} within ${opts.timeoutMs ?? 10000} ms`));
        }, opts.timeoutMs ?? 10000);
        const check = () => {
          const m = find();
          if (!m) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(m);
        };
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
