import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../api/problem';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** Shows the `detail` of an API problem (or any error); renders nothing without an error. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation('common');
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={title ?? t('error.title')}
      description={errorDetail(error) ?? t('error.unknown')}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
