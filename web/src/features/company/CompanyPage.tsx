import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import { ConfirmButton, ErrorAlert, PageHeader, PageLoading, StatusTag } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import {
  type Company,
  LEGAL_FIELDS,
  type LegalFields,
  useCancelLegalChange,
  useCompany,
  useRequestLegalChange,
  useResubmitApplication,
  useSetSecurityPolicy,
  useUpdateCompany,
} from './api';

interface ProfileValues {
  displayName: string;
  contactEmail?: string;
  contactPhone?: string;
}

function ProfileCard({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const { t } = useTranslation('company');
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateCompany();
  const notify = useApiMessage();
  const fmt = useFormat();

  const onFinish = async (values: ProfileValues) => {
    try {
      await update.mutateAsync({
        displayName: values.displayName.trim(),
        contactEmail: values.contactEmail?.trim() ?? '',
        contactPhone: values.contactPhone?.trim() || null,
      });
      notify.success();
      setEditing(false);
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Card
      title={t('profile.title')}
      extra={
        canEdit &&
        !editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common:actions.edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <>
          <ErrorAlert error={update.error} />
          <Form<ProfileValues>
            form={form}
            layout="vertical"
            style={{ maxWidth: 480 }}
            initialValues={{
              displayName: company.displayName,
              contactEmail: company.contactEmail ?? '',
              contactPhone: company.contactPhone ?? '',
            }}
            onFinish={onFinish}
          >
            <Form.Item
              name="displayName"
              label={t('fields.displayName')}
              rules={[
                { required: true, whitespace: true, message: t('validation.displayNameRequired') },
                { min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="contactEmail"
              label={t('fields.contactEmail')}
              rules={[{ type: 'email', message: t('validation.emailInvalid') }, { max: 254 }]}
            >
              <Input autoComplete="email" />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={t('fields.contactPhone')}
              rules={[{ pattern: /^\+?[0-9 ()-]{5,30}$/, message: t('validation.phoneInvalid') }]}
            >
              <Input autoComplete="tel" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t('common:actions.save')}
              </Button>
              <Button
                onClick={() => {
                  setEditing(false);
                  update.reset();
                }}
              >
                {t('common:actions.cancel')}
              </Button>
            </Space>
          </Form>
        </>
      ) : (
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('fields.displayName')}>{company.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('fields.status')}>
            <StatusTag status={company.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.contactEmail')}>
            {company.contactEmail || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.contactPhone')}>
            {company.contactPhone || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.country')}>
            {company.country ? fmt.country(company.country) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.defaultCurrency')}>
            {company.defaultCurrency ?? '—'}
          </Descriptions.Item>
          {company.createdAt && (
            <Descriptions.Item label={t('fields.createdAt')}>{fmt.date(company.createdAt)}</Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

function LegalCard({ company, isOwner }: { company: Company; isOwner: boolean }) {
  const { t } = useTranslation('company');
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LegalFields>();
  const request = useRequestLegalChange();
  const cancel = useCancelLegalChange();
  const notify = useApiMessage();
  const pending = company.pendingLegalChange;

  const onFinish = async (values: LegalFields) => {
    const changed: LegalFields = {};
    for (const key of LEGAL_FIELDS) {
      const next = values[key]?.trim() ?? '';
      if (next !== (company[key] ?? '')) changed[key] = next;
    }
    if (Object.keys(changed).length === 0) {
      form.setFields([{ name: 'legalName', errors: [t('legal.nothingChanged')] }]);
      return;
    }
    try {
      await request.mutateAsync(changed);
      notify.success(t('legal.requested'));
      setOpen(false);
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  const reviewStatus = pending?.reviewStatus ?? pending?.status ?? 'pending';
  const rejection = company.lastLegalChange?.status === 'rejected' ? company.lastLegalChange : null;

  return (
    <Card
      title={t('legal.title')}
      extra={
        isOwner &&
        !pending && (
          <Button
            icon={<EditOutlined />}
            onClick={() => {
              request.reset();
              setOpen(true);
            }}
          >
            {t('legal.requestChange')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('legal.hint')}</Typography.Paragraph>
      {rejection && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('legal.lastRejected')}
          description={rejection.reason ? `${t('legal.reason')}: ${rejection.reason}` : undefined}
        />
      )}
      <Descriptions column={1} bordered size="small">
        {LEGAL_FIELDS.map((key) => (
          <Descriptions.Item key={key} label={t(`fields.${key}`)}>
            {company[key] || '—'}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {pending && (
        <Card
          type="inner"
          style={{ marginTop: 16 }}
          title={
            <Flex gap={8} align="center">
              {t('legal.pendingTitle')}
              <Tag color={reviewStatus === 'rejected' ? 'red' : 'gold'}>
                {t(`legal.review.${reviewStatus}`, { defaultValue: reviewStatus })}
              </Tag>
            </Flex>
          }
          extra={
            isOwner && (
              <ConfirmButton
                size="small"
                title={t('legal.cancelConfirm')}
                loading={cancel.isPending}
                onConfirm={() =>
                  cancel.mutate(undefined, {
                    onSuccess: () => notify.success(t('legal.cancelled')),
                    onError: notify.error,
                  })
                }
              >
                {t('legal.cancel')}
              </ConfirmButton>
            )
          }
        >
          <Typography.Paragraph type="secondary">
            {t('legal.requestedAt', { date: fmt.dateTime(pending.requestedAt) })}
          </Typography.Paragraph>
          {(pending.rejectionReason ?? pending.reason) && (
            <Alert
              type="error"
              showIcon
              title={`${t('legal.reason')}: ${pending.rejectionReason ?? pending.reason}`}
              style={{ marginBottom: 12 }}
            />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={Object.entries(pending.fields).map(([field, to]) => ({
              field,
              from: (company as unknown as Record<string, string | null | undefined>)[field] ?? '',
              to: to ?? '',
            }))}
            columns={[
              {
                title: t('legal.field'),
                dataIndex: 'field',
                render: (f: string) => t(`fields.${f}`, { defaultValue: f }),
              },
              { title: t('legal.current'), dataIndex: 'from', render: (v: string) => v || '—' },
              {
                title: t('legal.requested'),
                dataIndex: 'to',
                render: (v: string) => <Typography.Text strong>{v || '—'}</Typography.Text>,
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={open}
        title={t('legal.requestChange')}
        okText={t('legal.submit')}
        cancelText={t('common:actions.cancel')}
        okButtonProps={{ loading: request.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={560}
      >
        <Typography.Paragraph type="secondary">{t('legal.modalHint')}</Typography.Paragraph>
        <ErrorAlert error={request.error} />
        <Form<LegalFields>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={Object.fromEntries(LEGAL_FIELDS.map((k) => [k, company[k] ?? '']))}
          onFinish={onFinish}
        >
          {LEGAL_FIELDS.map((key) => (
            <Form.Item
              key={key}
              name={key}
              label={t(`fields.${key}`)}
              rules={[
                ...(key === 'legalName'
                  ? [{ required: true, whitespace: true, message: t('validation.legalNameRequired') }]
                  : []),
                { max: key === 'registeredAddress' ? 500 : 200 },
              ]}
            >
              {key === 'registeredAddress' ? <Input.TextArea rows={2} /> : <Input />}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}

function SecurityPolicyCard({ company, isOwner }: { company: Company; isOwner: boolean }) {
  const { t } = useTranslation('company');
  const { modal } = App.useApp();
  const setPolicy = useSetSecurityPolicy();
  const notify = useApiMessage();

  const toggle = (next: boolean) => {
    modal.confirm({
      title: next ? t('security.enableConfirm') : t('security.disableConfirm'),
      content: next ? t('security.enableHint') : t('security.disableHint'),
      okText: t('common:actions.confirm'),
      cancelText: t('common:actions.cancel'),
      okButtonProps: { danger: !next },
      onOk: () =>
        setPolicy
          .mutateAsync(next)
          .then(() => notify.success())
          .catch((e: unknown) => notify.error(e)),
    });
  };

  return (
    <Card title={t('security.title')}>
      <Flex justify="space-between" align="center" gap={16}>
        <div>
          <Typography.Text strong>{t('security.require2fa')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('security.require2faHint')}
          </Typography.Paragraph>
        </div>
        <Switch
          aria-label={t('security.require2fa')}
          checked={company.require2fa}
          disabled={!isOwner}
          loading={setPolicy.isPending}
          onChange={toggle}
        />
      </Flex>
      {!isOwner && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('security.ownerOnly')}
        </Typography.Text>
      )}
    </Card>
  );
}

function ResubmitCard() {
  const { t } = useTranslation('company');
  const resubmit = useResubmitApplication();
  const notify = useApiMessage();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('resubmit.title')}
      description={t('resubmit.hint')}
      action={
        <ConfirmButton
          type="primary"
          danger={false}
          title={t('resubmit.confirm')}
          loading={resubmit.isPending}
          onConfirm={() =>
            resubmit.mutate(undefined, {
              onSuccess: () => notify.success(t('resubmit.done')),
              onError: notify.error,
            })
          }
        >
          {t('resubmit.button')}
        </ConfirmButton>
      }
    />
  );
}

export default function CompanyPage() {
  const { t } = useTranslation('company');
  const { can, canAny } = usePermissions();
  const company = useCompany();

  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {company.isPending ? (
        <PageLoading />
      ) : company.error || !company.data ? (
        <ErrorAlert error={company.error} onRetry={() => company.refetch()} />
      ) : (
        <div style={{ display: 'grid', gap: 16 }}>
          {company.data.status === 'rejected' && can('account:owner') && <ResubmitCard />}
          <ProfileCard company={company.data} canEdit={canAny('account:manage', 'account:owner')} />
          <LegalCard company={company.data} isOwner={can('account:owner')} />
          <SecurityPolicyCard company={company.data} isOwner={can('account:owner')} />
        </div>
      )}
    </div>
  );
}
