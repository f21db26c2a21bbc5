import { z } from 'zod';
import type { App } from '../http/app';
import { notFound } from '../http/errors';
import type { DevSmtp } from './dev-smtp';

const message = z.object({
  id: z.number().int(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  receivedAt: z.string().describe('ISO 8601, UTC.'),
});

/** Mail caught by the local development SMTP server, newest first. Not registered in production. */
export function devMailboxRoutes(app: App, devSmtp: DevSmtp | null) {
  app.get(
    '/api/dev/mailbox',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'devMailbox',
        tags: ['dev'],
        summary: 'Mail received by the local development SMTP server',
        description: 'Development only: 404 when the product sends mail to a real SMTP server (SMTP_URL).',
        response: { 200: z.object({ items: z.array(message) }) },
      },
    },
    async () => {
      if (!devSmtp) throw notFound('mailbox');
      return { items: [...devSmtp.messages].reverse() };
    },
  );
}
