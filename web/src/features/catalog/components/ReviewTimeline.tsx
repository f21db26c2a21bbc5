import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/lib/format';
import type { ReviewEntry } from '../api';

const COLORS: Record<ReviewEntry['decision'], string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/** 审核记录: every submission with its decision, reasons and the reviewer's note, newest first. */
export function ReviewTimeline({ reviews, emptyText }: { reviews: ReviewEntry[]; emptyText?: string }) {
  const { t } = useTranslation('catalog');
  const fmt = useFormat();
  if (reviews.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('reviews.none')} />;
  return (
    <Timeline
      items={reviews.map((r) => ({
        color: COLORS[r.decision],
        content: (
          <div>
            <div>
              <Tag color={COLORS[r.decision] === 'gray' ? 'default' : COLORS[r.decision]}>
                {t(`reviews.decision.${r.decision}`)}
              </Tag>
              {r.revision && <Tag>{t('reviews.revision')}</Tag>}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reviews.submitted', { date: fmt.dateTime(r.submittedAt) })}
              {r.decidedAt && ` · ${t('reviews.decided', { date: fmt.dateTime(r.decidedAt) })}`}
            </Typography.Text>
            {r.reasons.length > 0 && (
              <div style={{ marginTop: 4 }}>
                <Typography.Text strong>{t('reviews.reasons')}</Typography.Text>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {r.reasons.map((reason) => (
                    <li key={reason.key}>{reason.text}</li>
                  ))}
                </ul>
              </div>
            )}
            {r.note && (
              <Typography.Paragraph style={{ marginTop: 4, marginBottom: 0 }}>
                <Typography.Text strong>{t('reviews.note')}: </Typography.Text>
                {r.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
