import { Button, Form, Input, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { errorDetail } from '../../shared/api/problem';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useResendVerification, useVerifyEmail } from './api';
import { AuthCard } from './components/AuthCard';
import { useTokenFromUrl } from './components/passwordRules';

export default function VerifyEmailPage() {
  const { t } = useTranslation('auth');
  const location = useLocation();
  const { token: tokenParam } = useParams();
  const token = useTokenFromUrl(location.search, tokenParam);
  const verify = useVerifyEmail();
  const resend = useResendVerification();
  const notify = useApiMessage();
  const started = useRef(false);

  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  const resendForm = (
    <Form
      layout="inline"
      onFinish={({ email }: { email: string }) =>
        resend.mutate(email, { onSuccess: () => notify.success(t('verify.resent')), onError: notify.error })
      }
      style={{ justifyContent: 'center' }}
    >
      <Form.Item
        name="email"
        label={t('fields.email')}
        rules={[
          { required: true, message: t('validation.emailRequired') },
          { type: 'email', message: t('validation.emailInvalid') },
        ]}
      >
        <Input />
      </Form.Item>
      <Button htmlType="submit" loading={resend.isPending}>
        {t('verify.resend')}
      </Button>
    </Form>
  );

  return (
    <AuthCard title={t('verify.title')} width={560}>
      {!token ? (
        <Result
          status="info"
          title={t('verify.noToken')}
          subTitle={t('verify.noTokenHint')}
          extra={resendForm}
        />
      ) : verify.isPending || verify.isIdle ? (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin size="large" />
          <p>{t('verify.checking')}</p>
        </div>
      ) : verify.isSuccess ? (
        <Result
          status="success"
          title={t('verify.done')}
          extra={
            <Link to="/">
              <Button type="primary">{t('verify.continue')}</Button>
            </Link>
          }
        />
      ) : (
        <Result
          status="error"
          title={t('verify.failed')}
          subTitle={errorDetail(verify.error)}
          extra={resendForm}
        />
      )}
    </AuthCard>
  );
}
