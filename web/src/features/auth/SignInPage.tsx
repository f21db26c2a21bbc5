import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { applyFormErrors } from '../../shared/api/problem';
import { useSession } from '../../shared/api/session';
import { ErrorAlert } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useResendVerification, useSignIn } from './api';
import { AuthCard } from './components/AuthCard';

function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<{ email: string; password: string }>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signIn = useSignIn();
  const session = useSession();
  const resend = useResendVerification();
  const notify = useApiMessage();
  const unverified = signIn.error instanceof ApiError && signIn.error.code === 'email_not_verified';

  useEffect(() => {
    if (session.data && !session.data.mfaPending) navigate(next, { replace: true });
  }, [session.data, navigate, next]);

  const onFinish = async (values: { email: string; password: string }) => {
    try {
      const result = await signIn.mutateAsync(values);
      navigate(result.mfaRequired ? `/sign-in/2fa?next=${encodeURIComponent(next)}` : next, {
        replace: true,
      });
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <AuthCard title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      {params.get('reset') === '1' && (
        <Alert type="success" showIcon title={t('reset.done')} style={{ marginBottom: 16 }} />
      )}
      <ErrorAlert error={signIn.error} title={t('signIn.failed')} />
      {unverified && (
        <Button
          block
          style={{ marginTop: -8, marginBottom: 16 }}
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(form.getFieldValue('email'), {
              onSuccess: () => notify.success(t('verify.resent')),
              onError: notify.error,
            })
          }
        >
          {t('signIn.resendVerification')}
        </Button>
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="email"
          label={t('fields.email')}
          rules={[
            { required: true, message: t('validation.emailRequired') },
            { type: 'email', message: t('validation.emailInvalid') },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="email" size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          rules={[{ required: true, message: t('validation.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Flex justify="flex-end" style={{ marginTop: -12, marginBottom: 16 }}>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </Flex>
        <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 24, marginBottom: 0, textAlign: 'center' }}>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.signUp')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
