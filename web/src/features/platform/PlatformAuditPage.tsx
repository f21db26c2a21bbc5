import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components';
import { AuditLogView } from '../audit/components/AuditLogView';

export default function PlatformAuditPage() {
  const { t } = useTranslation('platform');
  return (
    <div>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <AuditLogView scope="platform" />
    </div>
  );
}
