import { Button, Col, Divider, Form, Input, Result, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { normalizeLanguage } from '../../app/i18n';
import { applyFormErrors } from '../../shared/api/problem';
import { ErrorAlert } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { countryOptions, currencyOptions } from '../../shared/lib/options';
import { type SignUpInput, useResendVerification, useSignUp } from './api';
import { AuthCard } from './components/AuthCard';
import { confirmPasswordRules, passwordRules } from './components/passwordRules';

type Values = SignUpInput & { confirmPassword: string };

export default function SignUpPage() {
  const { t, i18n } = useTranslation('auth');
  const [form] = Form.useForm<Values>();
  const signUp = useSignUp();
  const resend = useResendVerification();
  const notify = useApiMessage();

  const onFinish = async ({ confirmPassword: _confirm, displayName, ...values }: Values) => {
    try {
      await signUp.mutateAsync({
        ...values,
        ...(displayName?.trim() ? { displayName: displayName.trim() } : {}),
        locale: normalizeLanguage(i18n.language),
      });
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  if (signUp.isSuccess) {
    const email = signUp.data?.email ?? form.getFieldValue('email');
    return (
      <AuthCard title={t('signUp.doneTitle')} width={520}>
        <Result
          status="success"
          title={t('signUp.checkEmail')}
          subTitle={t('signUp.checkEmailHint', { email })}
          extra={[
            <Link key="signin" to="/sign-in">
              <Button type="primary">{t('signUp.goSignIn')}</Button>
            </Link>,
            <Button
              key="resend"
              loading={resend.isPending}
              onClick={() =>
                resend.mutate(email, {
                  onSuccess: () => notify.success(t('verify.resent')),
                  onError: notify.error,
                })
              }
            >
              {t('verify.resend')}
            </Button>,
          ]}
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('signUp.title')} subtitle={t('signUp.subtitle')} width={640}>
      <ErrorAlert error={signUp.error} title={t('signUp.failed')} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ country: 'CN', defaultCurrency: 'CNY' }}
      >
        <Typography.Title level={5}>{t('signUp.company')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="legalName"
              label={t('fields.legalName')}
              rules={[
                { required: true, whitespace: true, message: t('validation.legalNameRequired') },
                { min: 2, max: 200, message: t('validation.length', { min: 2, max: 200 }) },
              ]}
            >
              <Input autoComplete="organization" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="displayName"
              label={t('fields.displayName')}
              tooltip={t('signUp.displayNameHint')}
              rules={[{ min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="country" label={t('fields.country')} rules={[{ required: true }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={countryOptions(i18n.language)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="defaultCurrency"
              label={t('fields.defaultCurrency')}
              rules={[{ required: true }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={currencyOptions(i18n.language)} />
            </Form.Item>
          </Col>
        </Row>
        <Divider />
        <Typography.Title level={5}>{t('signUp.owner')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.nameRequired') },
                { max: 100, message: t('validation.length', { min: 1, max: 100 }) },
              ]}
            >
              <Input autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('fields.email')}
              rules={[
                { required: true, message: t('validation.emailRequired') },
                { type: 'email', message: t('validation.emailInvalid') },
                { max: 254 },
              ]}
            >
              <Input autoComplete="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="password" label={t('fields.password')} rules={passwordRules(t)} hasFeedback>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="confirmPassword"
              label={t('fields.confirmPassword')}
              dependencies={['password']}
              hasFeedback
              rules={confirmPasswordRules(t)}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('signUp.passwordHint')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" size="large" block loading={signUp.isPending}>
          {t('signUp.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 24, marginBottom: 0, textAlign: 'center' }}>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signIn')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
