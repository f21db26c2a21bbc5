import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Input, Modal, Row, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { useSession } from '../../../shared/api/session';
import { ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useRegenerateRecoveryCodes, useTotpDisable, useTotpEnable, useTotpSetup } from '../api';
import { RecoveryCodes } from './RecoveryCodes';

const codeRules = (t: (k: string) => string) => [
  { required: true, message: t('twoFactor.codeRequired') },
  { pattern: /^\d{6}$/, message: t('twoFactor.codeFormat') },
];

function CodeModal({
  open,
  title,
  description,
  okText,
  danger,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation('account');
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ danger, loading: pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async ({ code }) => {
          try {
            await onSubmit(code.trim());
          } catch (e) {
            applyFormErrors(form, e);
          }
        }}
      >
        <Form.Item name="code" label={t('twoFactor.code')} rules={codeRules(t)}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TwoFactorCard() {
  const { t } = useTranslation('account');
  const { data: session } = useSession();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const disable = useTotpDisable();
  const regenerate = useRegenerateRecoveryCodes();
  const notify = useApiMessage();
  const [enableForm] = Form.useForm<{ code: string }>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [modal, setModal] = useState<'disable' | 'regenerate' | null>(null);
  if (!session) return null;
  const enabled = session.user.totpEnabled;

  const title = (
    <Flex align="center" gap={8}>
      <SafetyCertificateOutlined />
      {t('twoFactor.title')}
      {enabled ? <Tag color="success">{t('twoFactor.on')}</Tag> : <Tag>{t('twoFactor.off')}</Tag>}
    </Flex>
  );

  if (codes) {
    return (
      <Card title={title}>
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            setup.reset();
          }}
        />
      </Card>
    );
  }

  if (!enabled) {
    return (
      <Card title={title}>
        {session.seller?.require2fa && (
          <Alert
            type="warning"
            showIcon
            title={t('twoFactor.requiredByCompany')}
            style={{ marginBottom: 16 }}
          />
        )}
        {!setup.data ? (
          <>
            <Typography.Paragraph>{t('twoFactor.intro')}</Typography.Paragraph>
            <ErrorAlert error={setup.error} />
            <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate()}>
              {t('twoFactor.setup')}
            </Button>
          </>
        ) : (
          <>
            <Steps
              direction="vertical"
              size="small"
              current={1}
              items={[
                { title: t('twoFactor.step1'), description: t('twoFactor.step1Hint') },
                { title: t('twoFactor.step2'), description: t('twoFactor.step2Hint') },
              ]}
            />
            <Row gutter={24} style={{ marginTop: 16 }}>
              <Col flex="none">
                <img
                  src={setup.data.qrDataUrl}
                  alt={t('twoFactor.qrAlt')}
                  width={200}
                  height={200}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}
                />
              </Col>
              <Col flex="auto" style={{ minWidth: 260 }}>
                <Typography.Paragraph>
                  {t('twoFactor.manualKey')}
                  <br />
                  <Typography.Text code copyable data-testid="totp-secret">
                    {setup.data.secret}
                  </Typography.Text>
                </Typography.Paragraph>
                <ErrorAlert error={enable.error} />
                <Form
                  form={enableForm}
                  layout="vertical"
                  style={{ maxWidth: 280 }}
                  onFinish={async ({ code }) => {
                    try {
                      const result = await enable.mutateAsync(code.trim());
                      setCodes(result.recoveryCodes);
                      notify.success(t('twoFactor.enabled'));
                    } catch (e) {
                      applyFormErrors(enableForm, e);
                    }
                  }}
                >
                  <Form.Item name="code" label={t('twoFactor.code')} rules={codeRules(t)}>
                    <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
                  </Form.Item>
                  <Flex gap={8}>
                    <Button type="primary" htmlType="submit" loading={enable.isPending}>
                      {t('twoFactor.enable')}
                    </Button>
                    <Button onClick={() => setup.reset()}>{t('common:actions.cancel')}</Button>
                  </Flex>
                </Form>
              </Col>
            </Row>
          </>
        )}
      </Card>
    );
  }

  return (
    <Card title={title}>
      <Typography.Paragraph>{t('twoFactor.enabledIntro')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button onClick={() => setModal('regenerate')}>{t('twoFactor.regenerate')}</Button>
        <Button danger onClick={() => setModal('disable')}>
          {t('twoFactor.disable')}
        </Button>
      </Flex>
      <CodeModal
        open={modal === 'regenerate'}
        title={t('twoFactor.regenerate')}
        description={t('twoFactor.regenerateHint')}
        okText={t('twoFactor.regenerate')}
        pending={regenerate.isPending}
        error={regenerate.error}
        onClose={() => {
          setModal(null);
          regenerate.reset();
        }}
        onSubmit={async (code) => {
          const result = await regenerate.mutateAsync(code);
          setModal(null);
          setCodes(result.recoveryCodes);
        }}
      />
      <CodeModal
        open={modal === 'disable'}
        title={t('twoFactor.disable')}
        description={t('twoFactor.disableHint')}
        okText={t('twoFactor.disable')}
        danger
        pending={disable.isPending}
        error={disable.error}
        onClose={() => {
          setModal(null);
          disable.reset();
        }}
        onSubmit={async (code) => {
          await disable.mutateAsync(code);
          setModal(null);
          notify.success(t('twoFactor.disabled'));
        }}
      />
    </Card>
  );
}
