import { Button, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyFormErrors } from '../../shared/api/problem';
import { ErrorAlert } from '../../shared/components';
import { useVerifyTwoFactor } from './api';
import { AuthCard } from './components/AuthCard';

type Mode = 'totp' | 'recovery';

export default function TwoFactorPage() {
  const { t } = useTranslation('auth');
  const [mode, setMode] = useState<Mode>('totp');
  const [form] = Form.useForm<{ code?: string; recoveryCode?: string }>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const rawNext = params.get('next');
  const next = rawNext?.startsWith('/') && !rawNext.startsWith('//') ? rawNext : '/';
  const verify = useVerifyTwoFactor();

  const onFinish = async (values: { code?: string; recoveryCode?: string }) => {
    try {
      await verify.mutateAsync(
        mode === 'totp' ? { code: values.code?.trim() } : { recoveryCode: values.recoveryCode?.trim() },
      );
      navigate(next, { replace: true });
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <AuthCard
      title={t('twoFactor.title')}
      subtitle={t(mode === 'totp' ? 'twoFactor.subtitle' : 'twoFactor.recoverySubtitle')}
    >
      <Segmented<Mode>
        block
        value={mode}
        onChange={(value) => {
          setMode(value);
          verify.reset();
        }}
        options={[
          { value: 'totp', label: t('twoFactor.useApp') },
          { value: 'recovery', label: t('twoFactor.useRecovery') },
        ]}
        style={{ marginBottom: 20 }}
      />
      <ErrorAlert error={verify.error} title={t('twoFactor.failed')} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {mode === 'totp' ? (
          <Form.Item
            name="code"
            label={t('fields.totpCode')}
            rules={[
              { required: true, message: t('validation.codeRequired') },
              { pattern: /^\d{6}$/, message: t('validation.codeFormat') },
            ]}
          >
            <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
          </Form.Item>
        ) : (
          <Form.Item
            name="recoveryCode"
            label={t('fields.recoveryCode')}
            rules={[
              { required: true, message: t('validation.recoveryRequired') },
              { min: 8, max: 20, message: t('validation.recoveryFormat') },
            ]}
          >
            <Input size="large" autoComplete="off" placeholder="xxxxx-xxxxx" autoFocus />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
          {t('twoFactor.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </div>
    </AuthCard>
  );
}
