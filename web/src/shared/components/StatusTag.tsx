import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  active: 'green',
  pending_review: 'gold',
  pending: 'gold',
  rejected: 'red',
  suspended: 'volcano',
  archived: 'default',
  deactivated: 'default',
  invited: 'blue',
  expired: 'default',
  revoked: 'default',
  accepted: 'green',
};

/** A colored tag for any status value, translated from common:status.<value>. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('common');
  return <Tag color={COLORS[status] ?? 'default'}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
