import type { AnyCtx } from '../db/tenant';
import { emit, subscribe } from '../events/outbox';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { Mailer } from './mailer';

/** A templated email, rendered when sent: `mail.<template>.subject` / `.body` in the recipient's language. */
export interface MailRequest extends Record<string, unknown> {
  to: string;
  locale: Locale;
  template: string;
  params: Record<string, string | number>;
  /** Path of the link in the mail, made absolute with the public URL at send time. */
  linkPath?: string;
}

/** Queues an email in the caller's transaction (through the outbox): no mail for a rolled-back change. */
export async function queueMail(ctx: AnyCtx, request: MailRequest): Promise<void> {
  await emit(ctx, 'mail.requested', request, null);
}

export function renderMail(request: MailRequest, publicUrl: string) {
  const params = {
    ...request.params,
    ...(request.linkPath ? { link: `${publicUrl}${request.linkPath}` } : {}),
  };
  return {
    to: request.to,
    subject: translate(request.locale, `mail.${request.template}.subject`, params),
    text: translate(request.locale, `mail.${request.template}.body`, params),
  };
}

/** The email consumer: sends each requested mail over SMTP (retried by the job queue on failure). */
export function registerMailConsumer(mailer: () => Mailer | null, publicUrl: () => string) {
  subscribe<MailRequest>('mailer', ['mail.requested'], async (event) => {
    const m = mailer();
    if (!m) return;
    await m.send(renderMail(event.payload, publicUrl()));
  });
}
