import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface EmptyStateProps {
  description?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ description, action }: EmptyStateProps) {
  const { t } = useTranslation('common');
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={description ?? t('empty')}
      style={{ padding: 24 }}
    >
      {action}
    </Empty>
  );
}
