import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyLoginLog } from '../api';
import { LoginLogTable } from './LoginLogTable';

export function LoginLogTab() {
  const { t } = useTranslation('account');
  const log = useMyLoginLog();
  return (
    <Card title={t('loginLog.title')}>
      <LoginLogTable query={log} />
    </Card>
  );
}
