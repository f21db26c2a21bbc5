import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { confirmPasswordRules, passwordRules } from '../../auth/components/passwordRules';
import { useChangePassword } from '../api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function PasswordCard() {
  const { t } = useTranslation('account');
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const notify = useApiMessage();

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.resetFields();
      notify.success(t('password.changed'));
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Card title={t('password.title')}>
      <ErrorAlert error={change.error} />
      <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={passwordRules(t)} hasFeedback>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          hasFeedback
          rules={confirmPasswordRules(t, 'newPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
