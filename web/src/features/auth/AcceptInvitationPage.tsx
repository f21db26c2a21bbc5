import { Button, Descriptions, Form, Input, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { applyFormErrors, errorDetail } from '../../shared/api/problem';
import { useSession } from '../../shared/api/session';
import { ErrorAlert } from '../../shared/components';
import { useAcceptInvitation, useInvitationPreview } from './api';
import { AuthCard } from './components/AuthCard';
import { passwordRules, useTokenFromUrl } from './components/passwordRules';

export default function AcceptInvitationPage() {
  const { t } = useTranslation('auth');
  const { t: tTeam } = useTranslation('team');
  const location = useLocation();
  const { token: tokenParam } = useParams();
  const token = useTokenFromUrl(location.search, tokenParam);
  const preview = useInvitationPreview(token);
  const session = useSession();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ name?: string; password?: string }>();

  if (!token) {
    return (
      <AuthCard title={t('invitation.title')}>
        <Result status="warning" title={t('invitation.noToken')} />
      </AuthCard>
    );
  }
  if (preview.isPending) {
    return (
      <AuthCard title={t('invitation.title')}>
        <Skeleton active />
      </AuthCard>
    );
  }
  if (preview.error || !preview.data) {
    return (
      <AuthCard title={t('invitation.title')}>
        <Result
          status="error"
          title={t('invitation.invalid')}
          subTitle={errorDetail(preview.error)}
          extra={
            <Link to="/sign-in">
              <Button>{t('backToSignIn')}</Button>
            </Link>
          }
        />
      </AuthCard>
    );
  }

  const invitation = preview.data;
  const signedInAs = session.data?.user.email;
  const wrongUser =
    invitation.hasAccount && signedInAs && signedInAs.toLowerCase() !== invitation.email.toLowerCase();
  const needsSignIn = invitation.hasAccount && !signedInAs;
  const next = encodeURIComponent(location.pathname + location.search);

  const onFinish = async (values: { name?: string; password?: string }) => {
    try {
      await accept.mutateAsync({ token, ...(invitation.hasAccount ? {} : values) });
      navigate('/', { replace: true });
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <AuthCard
      title={t('invitation.title')}
      subtitle={t('invitation.subtitle', { seller: invitation.sellerName })}
      width={480}
    >
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 20 }}>
        <Descriptions.Item label={t('invitation.company')}>{invitation.sellerName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.email')}>{invitation.email}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.role')}>
          {tTeam(`roles.builtIn.${invitation.role}`, { defaultValue: invitation.role })}
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={accept.error} />
      {needsSignIn ? (
        <Result
          status="info"
          title={t('invitation.signInFirst')}
          extra={
            <Link to={`/sign-in?next=${next}`}>
              <Button type="primary">{t('signIn.submit')}</Button>
            </Link>
          }
        />
      ) : wrongUser ? (
        <Result
          status="warning"
          title={t('invitation.wrongUser', { email: invitation.email, current: signedInAs })}
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          {!invitation.hasAccount && (
            <>
              <Form.Item
                name="name"
                label={t('fields.name')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.nameRequired') },
                  { max: 100 },
                ]}
              >
                <Input autoComplete="name" />
              </Form.Item>
              <Form.Item name="password" label={t('fields.password')} rules={passwordRules(t)} hasFeedback>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
            {t('invitation.accept')}
          </Button>
        </Form>
      )}
    </AuthCard>
  );
}
