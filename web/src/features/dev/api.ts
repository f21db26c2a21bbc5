import { useQuery } from '@tanstack/react-query';
import { ApiError, call, client } from '../../shared/api/client';

export interface MailboxMessage {
  id: number;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

export const devKeys = {
  all: ['dev'] as const,
  mailbox: () => [...devKeys.all, 'mailbox'] as const,
};

async function fetchMailbox(): Promise<MailboxMessage[] | null> {
  try {
    const body = await call<{ items: MailboxMessage[] }>(client.GET('/api/dev/mailbox'));
    return body.items ?? [];
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/** The dev mailbox, or null when the server does not expose it (production). */
export function useMailbox(options: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: devKeys.mailbox(), queryFn: fetchMailbox, retry: false, ...options });
}
