import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewState, SaleState } from '../api';

const SALE_COLORS: Record<SaleState, string> = {
  unlisted: 'default',
  active: 'green',
  inactive: 'default',
  suspended: 'volcano',
  archived: 'default',
};

/**
 * One product's state as sellers read it: before the first approval the review state (draft, in
 * review, rejected); after it the sale state, plus a tag when a revision is being edited or reviewed.
 */
export function ProductStatusTags({
  reviewState,
  saleState,
}: {
  reviewState: ReviewState;
  saleState: SaleState;
}) {
  const { t } = useTranslation('catalog');
  if (saleState === 'archived') return <Tag>{t('status.archived')}</Tag>;
  if (saleState === 'unlisted') {
    const color = reviewState === 'pending' ? 'gold' : reviewState === 'rejected' ? 'red' : 'default';
    return <Tag color={color}>{t(`status.${reviewState === 'approved' ? 'approved' : reviewState}`)}</Tag>;
  }
  return (
    <Space size={4} wrap>
      <Tag color={SALE_COLORS[saleState]}>{t(`status.${saleState}`)}</Tag>
      {reviewState !== 'approved' && (
        <Tooltip title={t(`status.revisionHelp.${reviewState}`)}>
          <Tag color={reviewState === 'pending' ? 'gold' : reviewState === 'rejected' ? 'red' : 'blue'}>
            {t(`status.revision.${reviewState}`)}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
