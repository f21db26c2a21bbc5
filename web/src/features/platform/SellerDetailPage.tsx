import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import {
  ConfirmButton,
  EmptyState,
  ErrorAlert,
  PageHeader,
  PageLoading,
  StatusTag,
} from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import { type SellerAction, type SellerDetail, usePlatformSeller, useSellerAction } from './api';

const LEGAL_FIELDS = [
  'legalName',
  'registrationNumber',
  'registeredAddress',
  'legalRepresentative',
  'taxId',
] as const;

function ReasonModal({
  action,
  sellerId,
  onClose,
}: {
  action: SellerAction | null;
  sellerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('platform');
  const [form] = Form.useForm<{ reason: string }>();
  const run = useSellerAction();
  const notify = useApiMessage();
  return (
    <Modal
      open={action !== null}
      title={action ? t(`actions.${action}.title`) : ''}
      okText={action ? t(`actions.${action}.button`) : ''}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ danger: true, loading: run.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && run.reset()}
      destroyOnHidden
    >
      {action && <Typography.Paragraph type="secondary">{t(`actions.${action}.hint`)}</Typography.Paragraph>}
      <ErrorAlert error={run.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async ({ reason }) => {
          if (!action) return;
          try {
            await run.mutateAsync({ id: sellerId, action, reason: reason.trim() });
            notify.success(t(`actions.${action}.done`));
            onClose();
          } catch (e) {
            applyFormErrors(form, e);
          }
        }}
      >
        <Form.Item
          name="reason"
          label={t('actions.reason')}
          rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={4} showCount maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Actions({ seller, onReason }: { seller: SellerDetail; onReason: (a: SellerAction) => void }) {
  const { t } = useTranslation('platform');
  const run = useSellerAction();
  const notify = useApiMessage();
  const confirm = (action: SellerAction) =>
    run.mutate(
      { id: seller.id, action },
      { onSuccess: () => notify.success(t(`actions.${action}.done`)), onError: notify.error },
    );

  const approve = (
    <ConfirmButton
      key="approve"
      type="primary"
      danger={false}
      title={t('actions.approve.confirm', { name: seller.displayName })}
      loading={run.isPending && run.variables?.action === 'approve'}
      onConfirm={() => confirm('approve')}
    >
      {t('actions.approve.button')}
    </ConfirmButton>
  );
  switch (seller.status) {
    case 'pending_review':
      return (
        <>
          {approve}
          <Button danger onClick={() => onReason('reject')}>
            {t('actions.reject.button')}
          </Button>
        </>
      );
    case 'active':
      return (
        <Button danger onClick={() => onReason('suspend')}>
          {t('actions.suspend.button')}
        </Button>
      );
    case 'suspended':
      return (
        <ConfirmButton
          type="primary"
          danger={false}
          title={t('actions.reinstate.confirm', { name: seller.displayName })}
          loading={run.isPending && run.variables?.action === 'reinstate'}
          onConfirm={() => confirm('reinstate')}
        >
          {t('actions.reinstate.button')}
        </ConfirmButton>
      );
    case 'rejected':
      return approve;
    default:
      return null;
  }
}

function LegalChangeCard({
  seller,
  canReview,
  onReason,
}: {
  seller: SellerDetail;
  canReview: boolean;
  onReason: (a: SellerAction) => void;
}) {
  const { t } = useTranslation('platform');
  const { t: tc } = useTranslation('company');
  const fmt = useFormat();
  const run = useSellerAction();
  const notify = useApiMessage();
  const change = seller.pendingLegalChange;
  if (!change) return null;
  const current = seller as unknown as Record<string, string | null | undefined>;
  return (
    <Card
      title={
        <Space>
          {t('legal.title')}
          <Tag color="gold">{t('legal.pending')}</Tag>
        </Space>
      }
      extra={
        canReview && (
          <Space>
            <ConfirmButton
              type="primary"
              danger={false}
              size="small"
              title={t('actions.legal-approve.confirm')}
              loading={run.isPending}
              onConfirm={() =>
                run.mutate(
                  { id: seller.id, action: 'legal-approve' },
                  { onSuccess: () => notify.success(t('actions.legal-approve.done')), onError: notify.error },
                )
              }
            >
              {t('actions.legal-approve.button')}
            </ConfirmButton>
            <Button size="small" danger onClick={() => onReason('legal-reject')}>
              {t('actions.legal-reject.button')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('legal.requestedAt', { date: fmt.dateTime(change.requestedAt) })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={Object.entries(change.fields).map(([field, to]) => ({
          field,
          from: current[field] ?? '',
          to,
        }))}
        columns={[
          {
            title: t('legal.field'),
            dataIndex: 'field',
            render: (f: string) => tc(`fields.${f}`, { defaultValue: f }),
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
  );
}

export default function SellerDetailPage() {
  const { t } = useTranslation('platform');
  const { t: tc } = useTranslation('company');
  const { id = '' } = useParams();
  const { can } = usePermissions();
  const canReview = can('sellers:review');
  const seller = usePlatformSeller(id);
  const fmt = useFormat();
  const [reasonAction, setReasonAction] = useState<SellerAction | null>(null);

  const back = (
    <Link to="/platform/sellers" style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {t('sellers.back')}
    </Link>
  );

  if (seller.isPending) return <PageLoading />;
  if (seller.error instanceof ApiError && seller.error.status === 404) {
    return <Result status="404" title={t('sellers.notFound')} extra={back} />;
  }
  if (seller.error || !seller.data)
    return <ErrorAlert error={seller.error} onRetry={() => seller.refetch()} />;
  const s = seller.data;
  const members = s.membersCount ?? s.memberCount;

  return (
    <div>
      <PageHeader
        back={back}
        title={
          <Space>
            {s.displayName}
            <StatusTag status={s.status} />
          </Space>
        }
        subtitle={s.statusReason ? `${t('fields.statusReason')}: ${s.statusReason}` : s.legalName}
        extra={canReview && <Actions seller={s} onReason={setReasonAction} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <LegalChangeCard seller={s} canReview={canReview} onReason={setReasonAction} />
            <Card title={t('detail.company')}>
              <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
                <Descriptions.Item label={tc('fields.displayName')}>{s.displayName}</Descriptions.Item>
                {LEGAL_FIELDS.map((f) => (
                  <Descriptions.Item key={f} label={tc(`fields.${f}`)}>
                    {(s as unknown as Record<string, string | null | undefined>)[f] || '—'}
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label={tc('fields.country')}>
                  {s.country ? fmt.country(s.country) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={tc('fields.defaultCurrency')}>
                  {s.defaultCurrency ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={tc('fields.contactEmail')}>
                  {s.contactEmail || s.ownerEmail || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={tc('fields.contactPhone')}>
                  {s.contactPhone || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.createdAt')}>
                  {fmt.dateTime(s.createdAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('detail.members')}>{members ?? '—'}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t('detail.stores')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={s.stores ?? []}
                locale={{ emptyText: <EmptyState description={t('detail.noStores')} /> }}
                columns={[
                  { title: t('detail.storeName'), dataIndex: 'name' },
                  { title: t('detail.currency'), dataIndex: 'currency' },
                  {
                    title: t('fields.status'),
                    dataIndex: 'status',
                    render: (v: string) => <StatusTag status={v} />,
                  },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('detail.history')}>
            {(s.history ?? []).length === 0 ? (
              <EmptyState description={t('detail.noHistory')} />
            ) : (
              <Timeline
                items={[...s.history]
                  .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                  .map((h, i) => ({
                    key: `${h.createdAt}-${i}`,
                    color:
                      h.toStatus === 'active' ? 'green' : h.toStatus === 'pending_review' ? 'blue' : 'red',
                    children: (
                      <div>
                        <Flex gap={4} align="center" wrap>
                          {h.fromStatus && <StatusTag status={h.fromStatus} />}
                          {h.fromStatus && '→'}
                          <StatusTag status={h.toStatus} />
                        </Flex>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {fmt.dateTime(h.createdAt)}
                          {h.actorLabel ? ` · ${h.actorLabel}` : ''}
                        </Typography.Text>
                        {h.reason && (
                          <Typography.Paragraph style={{ marginBottom: 0 }}>{h.reason}</Typography.Paragraph>
                        )}
                      </div>
                    ),
                  }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ReasonModal action={reasonAction} sellerId={s.id} onClose={() => setReasonAction(null)} />
    </div>
  );
}
