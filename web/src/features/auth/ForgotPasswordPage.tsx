import { Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFormErrors } from '../../shared/api/problem';
import { ErrorAlert } from '../../shared/components';
import { useForgotPassword } from './api';
import { AuthCard } from './components/AuthCard';

export default function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<{ email: string }>();
  const forgot = useForgotPassword();

  if (forgot.isSuccess) {
    return (
      <AuthCard title={t('forgot.title')}>
        <Result
          status="success"
          title={t('forgot.sent')}
          subTitle={t('forgot.sentHint')}
          extra={
            <Link to="/sign-in">
              <Button type="primary">{t('backToSignIn')}</Button>
            </Link>
          }
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      <ErrorAlert error={forgot.error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ email }) => forgot.mutate(email, { onError: (e) => applyFormErrors(form, e) })}
      >
        <Form.Item
          name="email"
          label={t('fields.email')}
          rules={[
            { required: true, message: t('validation.emailRequired') },
            { type: 'email', message: t('validation.emailInvalid') },
          ]}
        >
          <Input size="large" autoComplete="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={forgot.isPending}>
          {t('forgot.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </div>
    </AuthCard>
  );
}
