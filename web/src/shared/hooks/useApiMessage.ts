import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../api/problem';

/** Toasts for mutation results: success with a translated text, failure with the API's `detail`. */
export function useApiMessage() {
  const { message } = App.useApp();
  const { t } = useTranslation('common');
  return {
    success: (text?: string) => message.success(text ?? t('saved')),
    error: (error: unknown) => message.error(errorDetail(error) ?? t('error.unknown')),
  };
}
