import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useFormat } from '../../shared/lib/format';
import { useMailbox } from './api';

const URL_RE = /(https?:\/\/[^\s<>"')]+)/g;

/** Plain text with its URLs made clickable (links to this console open in the same tab). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <Typography.Paragraph
      style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 13, marginBottom: 0 }}
    >
      {parts.map((part, i) => {
        const key = `${i}-${part.slice(0, 16)}`;
        if (!/^https?:\/\//.test(part)) return <Fragment key={key}>{part}</Fragment>;
        let href = part;
        try {
          const url = new URL(part);
          if (
            url.origin === window.location.origin ||
            url.hostname === '127.0.0.1' ||
            url.hostname === 'localhost'
          ) {
            href = url.pathname + url.search + url.hash;
          }
        } catch {
          href = part;
        }
        return (
          <a key={key} href={href}>
            {part}
          </a>
        );
      })}
    </Typography.Paragraph>
  );
}

export default function MailboxPage() {
  const { t } = useTranslation('dev');
  const fmt = useFormat();
  const mailbox = useMailbox({ refetchInterval: 5000 });

  if (mailbox.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48, width: '100%' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (mailbox.data === null) {
    return <Result status="404" title={t('unavailable')} subTitle={t('unavailableHint')} />;
  }

  const items = [...(mailbox.data ?? [])].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));

  return (
    <div style={{ width: '100%', maxWidth: 960 }}>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => mailbox.refetch()} loading={mailbox.isFetching}>
            {t('refresh')}
          </Button>
        }
      />
      <ErrorAlert error={mailbox.error} />
      <Card>
        {items.length === 0 ? (
          <EmptyState description={t('empty')} />
        ) : (
          <Flex vertical gap={12}>
            {items.map((m) => (
              <Card
                key={m.id}
                size="small"
                type="inner"
                title={m.subject}
                extra={
                  <Typography.Text type="secondary">
                    {t('to')}: {m.to.join(', ')} · {fmt.dateTime(m.receivedAt)}
                  </Typography.Text>
                }
              >
                <LinkedText text={m.text} />
              </Card>
            ))}
          </Flex>
        )}
      </Card>
    </div>
  );
}
