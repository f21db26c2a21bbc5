import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Divider, Flex, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLatestNotifications, useMarkRead, useUnreadCount } from '../features/notifications/api';
import { useFormat } from '../shared/lib/format';

export function NotificationBell() {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const fmt = useFormat();
  const unread = useUnreadCount(true);
  const latest = useLatestNotifications(open);
  const markRead = useMarkRead();
  const items = latest.data?.items ?? [];

  const content = (
    <div style={{ width: 360 }}>
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : latest.error ? (
        <Typography.Text type="danger">{t('error.unknown')}</Typography.Text>
      ) : items.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ padding: 16, textAlign: 'center', margin: 0 }}>
          {t('notificationsBell.empty')}
        </Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.65 : 1 }}
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                setOpen(false);
                navigate(n.link?.startsWith('/') ? n.link : '/notifications');
              }}
            >
              <List.Item.Meta
                title={
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong={!n.readAt} ellipsis>
                      {n.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {fmt.relative(n.createdAt)}
                    </Typography.Text>
                  </Flex>
                }
                description={
                  <Typography.Text type="secondary" ellipsis>
                    {n.body}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Button
        type="link"
        block
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
      >
        {t('notificationsBell.viewAll')}
      </Button>
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('nav.notifications')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Badge count={unread.data ?? 0} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('nav.notifications')} />
      </Badge>
    </Popover>
  );
}
