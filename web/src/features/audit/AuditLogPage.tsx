import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../shared/api/session';
import { PageHeader } from '../../shared/components';
import { useMembers } from '../team/api';
import { AuditLogView } from './components/AuditLogView';

export default function AuditLogPage() {
  const { t } = useTranslation('audit');
  const { can } = usePermissions();
  const members = useMembers(can('team:read'));
  const actors = members.data?.map((m) => ({
    value: m.userId,
    label: m.name ? `${m.name} (${m.email})` : m.email,
  }));
  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <AuditLogView scope="seller" actors={actors} />
    </div>
  );
}
