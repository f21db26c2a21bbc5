import { Button, Card, Descriptions, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language, normalizeLanguage } from '../../../app/i18n';
import { applyFormErrors } from '../../../shared/api/problem';
import { useSession } from '../../../shared/api/session';
import { ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useUpdateProfile } from '../api';

export function ProfileCard() {
  const { t } = useTranslation('account');
  const { data: session } = useSession();
  const [form] = Form.useForm<{ name: string; locale: Language }>();
  const update = useUpdateProfile();
  const notify = useApiMessage();
  if (!session) return null;
  const user = session.user;

  const onFinish = async (values: { name: string; locale: Language }) => {
    try {
      await update.mutateAsync({ name: values.name.trim(), locale: values.locale });
      await changeLanguage(values.locale);
      notify.success();
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Card title={t('profile.title')}>
      <Descriptions column={1} style={{ marginBottom: 16, maxWidth: 560 }}>
        <Descriptions.Item label={t('profile.email')}>
          {user.email}{' '}
          {user.emailVerified ? (
            <Tag color="success">{t('profile.verified')}</Tag>
          ) : (
            <Tag color="warning">{t('profile.unverified')}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('profile.accountType')}>
          {t(`profile.kind.${user.kind}`)}
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={update.error} />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 420 }}
        initialValues={{ name: user.name, locale: normalizeLanguage(user.locale) ?? 'en-US' }}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('profile.name')}
          rules={[
            { required: true, whitespace: true, message: t('profile.nameRequired') },
            { max: 100, message: t('profile.nameMax') },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="locale" label={t('profile.language')} rules={[{ required: true }]}>
          <Select options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('profile.save')}
        </Button>
      </Form>
    </Card>
  );
}
