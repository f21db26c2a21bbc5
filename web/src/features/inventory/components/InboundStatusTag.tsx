import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboundStatus } from '../api';

const COLORS: Record<InboundStatus, string> = {
  draft: 'default',
  shipped: 'blue',
  receiving: 'gold',
  received: 'green',
  cancelled: 'default',
};

export function InboundStatusTag({ status }: { status: InboundStatus }) {
  const { t } = useTranslation('inventory');
  return <Tag color={COLORS[status]}>{t(`inbound.statuses.${status}`)}</Tag>;
}

export const INBOUND_STATUS_LIST: InboundStatus[] = [
  'draft',
  'shipped',
  'receiving',
  'received',
  'cancelled',
];
