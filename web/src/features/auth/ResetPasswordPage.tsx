import { Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { applyFormErrors } from '../../shared/api/problem';
import { ErrorAlert } from '../../shared/components';
import { useResetPassword } from './api';
import { AuthCard } from './components/AuthCard';
import { confirmPasswordRules, passwordRules, useTokenFromUrl } from './components/passwordRules';

export default function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const location = useLocation();
  const { token: tokenParam } = useParams();
  const token = useTokenFromUrl(location.search, tokenParam);
  const [form] = Form.useForm<{ password: string; confirmPassword: string }>();
  const reset = useResetPassword();
  const navigate = useNavigate();

  if (!token) {
    return (
      <AuthCard title={t('reset.title')}>
        <Result
          status="warning"
          title={t('reset.noToken')}
          extra={
            <Link to="/forgot-password">
              <Button type="primary">{t('forgot.title')}</Button>
            </Link>
          }
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('reset.title')} subtitle={t('reset.subtitle')}>
      <ErrorAlert error={reset.error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ password }) =>
          reset.mutate(
            { token, password },
            {
              onSuccess: () => navigate('/sign-in?reset=1', { replace: true }),
              onError: (e) => applyFormErrors(form, e),
            },
          )
        }
      >
        <Form.Item name="password" label={t('fields.newPassword')} rules={passwordRules(t)} hasFeedback>
          <Input.Password size="large" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('fields.confirmPassword')}
          dependencies={['password']}
          hasFeedback
          rules={confirmPasswordRules(t)}
        >
          <Input.Password size="large" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
