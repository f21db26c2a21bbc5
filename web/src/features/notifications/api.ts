import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type RequestBody } from '../../shared/api/client';

export interface NotificationItem {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPreference {
  type: string;
  inApp: boolean;
  email: boolean;
}

interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean) => [...notificationKeys.all, 'list', { unread }] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () =>
      (await call<{ count: number }>(client.GET('/api/v1/me/notifications/unread-count'))).count ?? 0,
    refetchInterval: 30_000,
    enabled,
  });
}

export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: () =>
      call<PageOf<NotificationItem>>(
        client.GET('/api/v1/me/notifications', { params: { query: { limit: 6 } } }),
      ),
    enabled,
  });
}

export function useNotificationList(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<PageOf<NotificationItem>>(
        client.GET('/api/v1/me/notifications', {
          params: { query: { limit: 20, cursor: pageParam, ...(unread ? { unread: 'true' as const } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call<unknown>(client.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call<unknown>(client.POST('/api/v1/me/notifications/read-all')),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: async () =>
      (await call<{ items: NotificationPreference[] }>(client.GET('/api/v1/me/notification-preferences')))
        .items ?? [],
  });
}

export function useSaveNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: NotificationPreference[]) =>
      call<unknown>(
        client.PUT('/api/v1/me/notification-preferences', {
          body: { items } as RequestBody<'/api/v1/me/notification-preferences', 'put'>,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.preferences() }),
  });
}
