import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CheckOutlined,
  CloseCircleFilled,
  CloseOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Image,
  Input,
  List,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { usePermissions } from '../../../shared/api/session';
import { ErrorAlert, PageLoading } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useFormat } from '../../../shared/lib/format';
import {
  type AttributeValue,
  LANGS,
  type ListingReviewDetail,
  nextInQueue,
  type ReviewDocument,
  type RuleAttribute,
  reviewDocumentFileUrl,
  textIn,
  useListingReview,
  useRejectionReasons,
  useReviewDecision,
} from '../api';
import { ReviewTimeline } from '../components/ReviewTimeline';
import { useWaited } from './ListingQueuePage';
import { ReviewImage } from './ReviewImage';

const DECISION_COLORS = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
} as const;

/** An attribute value in words: option names, yes/no, the unit. */
function useValueText() {
  const { t, i18n } = useTranslation('catalog');
  return (attr: RuleAttribute | undefined, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '—';
    const option = (v: string) => {
      const o = attr?.options.find((x) => x.value === v);
      return o ? textIn(o.names, i18n.language) || v : v;
    };
    if (Array.isArray(value)) return value.map((v) => option(String(v))).join(', ');
    if (typeof value === 'boolean') return value ? t('review.yes') : t('review.no');
    const text = attr?.options.length ? option(String(value)) : String(value);
    return attr?.unit ? `${text} ${attr.unit}` : text;
  };
}

/** The submission's documents: type, number, issuer, dates with validity, and the scan to download. */
function ReviewDocuments({ documents }: { documents: ReviewDocument[] }) {
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  return (
    <Table<ReviewDocument>
      size="small"
      rowKey="id"
      style={{ marginTop: 12 }}
      pagination={false}
      dataSource={documents}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noDocuments')} />,
      }}
      scroll={{ x: true }}
      columns={[
        {
          title: t('documents.type'),
          key: 'type',
          render: (_, doc) => textIn(doc.type.names, i18n.language) || doc.type.key,
        },
        { title: t('documents.number'), dataIndex: 'number', key: 'number' },
        {
          title: t('documents.issuer'),
          key: 'issuer',
          render: (_, doc) => doc.issuer ?? '—',
        },
        {
          title: t('documents.issuedOn'),
          key: 'issuedOn',
          render: (_, doc) => (doc.issuedOn ? fmt.date(doc.issuedOn) : '—'),
        },
        {
          title: t('documents.expiresOn'),
          key: 'expiresOn',
          render: (_, doc) => {
            if (!doc.expiresOn)
              return <Typography.Text type="secondary">{t('documents.noExpiryShort')}</Typography.Text>;
            const days = doc.expiresInDays;
            return (
              <Space size={4} wrap>
                <span>{fmt.date(doc.expiresOn)}</span>
                {days !== null && days < 0 && (
                  <Tag color="red">{t('documents.expiredDaysAgo', { count: -days })}</Tag>
                )}
                {days !== null && days >= 0 && days <= 30 && (
                  <Tag color="orange">{t('documents.daysLeft', { count: days })}</Tag>
                )}
              </Space>
            );
          },
        },
        {
          title: t('documents.status'),
          key: 'status',
          render: (_, doc) => (
            <Tag color={doc.status === 'valid' ? 'green' : 'red'}>
              {t(`documents.statuses.${doc.status}`)}
            </Tag>
          ),
        },
        {
          title: t('documents.scan'),
          key: 'file',
          render: (_, doc) =>
            doc.hasFile ? (
              <Typography.Link href={reviewDocumentFileUrl(doc.id)} target="_blank" rel="noopener">
                {t('documents.download')}
              </Typography.Link>
            ) : (
              <Typography.Text type="secondary">{t('documents.noScan')}</Typography.Text>
            ),
        },
      ]}
    />
  );
}

interface Check {
  key: string;
  ok: boolean;
  text: string;
}

/** What the category asks of the submitted content, checked one by one for the reviewer. */
function checksOf(d: ListingReviewDetail, t: TFunction, language: string): Check[] {
  const c = d.category;
  const s = d.snapshot;
  if (!c) return [{ key: 'category', ok: false, text: t('review.checks.categoryMissing') }];
  const checks: Check[] = [
    {
      key: 'active',
      ok: c.active && c.isLeaf,
      text: t(c.active && c.isLeaf ? 'review.checks.categoryOk' : 'review.checks.categoryBad'),
    },
    {
      key: 'images',
      ok: s.imageIds.length >= c.minImages && s.imageIds.length <= c.maxImages,
      text: t('review.checks.images', { count: s.imageIds.length, min: c.minImages, max: c.maxImages }),
    },
  ];
  for (const lang of c.requiredLanguages) {
    const l = lang as (typeof LANGS)[number];
    const ok = Boolean(s.title[l]?.trim() && s.description[l]?.trim());
    checks.push({
      key: `lang-${lang}`,
      ok,
      text: t('review.checks.language', { lang: t(`common:languages.${lang}`, { defaultValue: lang }) }),
    });
  }
  for (const a of c.attributes.filter((x) => x.required)) {
    const name = textIn(a.names, language) || a.key;
    const ok = a.variant
      ? d.skus.length > 0 && d.skus.every((sku) => Boolean(sku.options[a.key]))
      : s.attributes[a.key] !== undefined && s.attributes[a.key] !== '' && s.attributes[a.key] !== null;
    checks.push({ key: `attr-${a.key}`, ok, text: t('review.checks.attribute', { name }) });
  }
  if (c.documentTypes.length)
    checks.push({
      key: 'documents',
      ok: s.documentIds.length >= c.documentTypes.length,
      text: t('review.checks.documents', { count: s.documentIds.length, required: c.documentTypes.length }),
    });
  checks.push({
    key: 'skus',
    ok: d.skus.some((x) => x.status === 'active'),
    text: t('review.checks.skus', { count: d.skus.length }),
  });
  return checks;
}

function ChangeValue({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <Typography.Paragraph
      style={{ margin: 0, whiteSpace: 'pre-wrap' }}
      ellipsis={{ rows: 4, expandable: true }}
    >
      {text}
    </Typography.Paragraph>
  );
}

/** One submission with everything a reviewer needs; approve or reject, then on to the next one. */
export default function ListingReviewRoute() {
  const { id = '' } = useParams();
  // A fresh page (dialogs closed, form empty) for every submission.
  return <ListingReviewPage key={id} id={id} />;
}

function ListingReviewPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  const navigate = useNavigate();
  const notify = useApiMessage();
  const waited = useWaited();
  const { can } = usePermissions();
  const canDecide = can('listings:review');
  const review = useListingReview(id);
  const reasons = useRejectionReasons();
  const decide = useReviewDecision(id);
  const [rejecting, setRejecting] = useState(false);
  const [approving, setApproving] = useState(false);
  const [form] = Form.useForm<{ reasonKeys: string[]; note?: string }>();
  const [approveNote, setApproveNote] = useState('');
  const d = review.data;
  const pending = d?.decision === 'pending';

  const goNext = useCallback(async () => {
    try {
      const next = await nextInQueue(id);
      if (next) navigate(`/platform/listings/${next}`);
      else {
        notify.success(t('review.queueEmpty'));
        navigate('/platform/listings');
      }
    } catch (error) {
      notify.error(error);
    }
  }, [id, navigate, notify, t]);

  // Keyboard: A approve, R reject, N next; not while typing or in a dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || rejecting || approving) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const key = e.key.toLowerCase();
      if (key === 'a' && pending && canDecide) {
        e.preventDefault();
        setApproving(true);
      } else if (key === 'r' && pending && canDecide) {
        e.preventDefault();
        setRejecting(true);
      } else if (key === 'n' || key === 'j') {
        e.preventDefault();
        void goNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, canDecide, rejecting, approving, goNext]);

  const valueText = useValueText();

  if (review.isPending) return <PageLoading rows={12} />;
  if (review.error || !d) {
    if (review.error instanceof ApiError && review.error.status === 404)
      return (
        <Result
          status="404"
          title={t('review.notFound')}
          extra={<Link to="/platform/listings">{t('review.back')}</Link>}
        />
      );
    return <ErrorAlert error={review.error} onRetry={() => review.refetch()} />;
  }

  const s = d.snapshot;
  const c = d.category;
  const checks = checksOf(d, t, i18n.language);
  const attrOf = (key: string) => c?.attributes.find((a) => a.key === key);
  const rank = (key: string) => {
    const i = c?.attributes.findIndex((a) => a.key === key) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const axes = [...new Set(d.skus.flatMap((sku) => Object.keys(sku.options)))].sort(
    (a, b) => rank(a) - rank(b),
  );

  const approve = () =>
    decide.mutate(
      { decision: 'approve', note: approveNote.trim() || undefined },
      {
        onSuccess: () => {
          setApproving(false);
          notify.success(t('review.approved'));
          void goNext();
        },
        onError: (e) => {
          setApproving(false);
          notify.error(e);
        },
      },
    );

  const reject = (v: { reasonKeys: string[]; note?: string }) =>
    decide.mutate(
      { decision: 'reject', reasonKeys: v.reasonKeys, note: v.note?.trim() || undefined },
      {
        onSuccess: () => {
          setRejecting(false);
          notify.success(t('review.rejected'));
          void goNext();
        },
        onError: notify.error,
      },
    );

  return (
    <div>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Link to="/platform/listings">
            <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
              {t('review.back')}
            </Button>
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {textIn(s.title, i18n.language) || `#${d.productNumber}`}
          </Typography.Title>
          <Space wrap style={{ marginTop: 6 }}>
            <Typography.Text type="secondary">#{d.productNumber}</Typography.Text>
            {d.revision ? (
              <Tag color="purple">{t('queue.kinds.revision')}</Tag>
            ) : (
              <Tag color="blue">{t('queue.kinds.new')}</Tag>
            )}
            <Tag color={DECISION_COLORS[d.decision]}>{t(`reviews.decision.${d.decision}`)}</Tag>
            <Typography.Text type="secondary">
              {t('review.submittedWaited', {
                date: fmt.dateTime(d.submittedAt),
                waited: waited(d.submittedAt),
              })}
            </Typography.Text>
          </Space>
        </div>
        <Space wrap>
          <Tooltip title={t('review.keys')}>
            <Button icon={<StepForwardOutlined />} onClick={() => void goNext()}>
              {t('review.next')}
            </Button>
          </Tooltip>
          {pending && canDecide && (
            <>
              <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)}>
                {t('review.reject')} <Typography.Text keyboard>R</Typography.Text>
              </Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setApproving(true)}>
                {t('review.approve')}{' '}
                <Typography.Text keyboard style={{ color: 'inherit' }}>
                  A
                </Typography.Text>
              </Button>
            </>
          )}
        </Space>
      </Flex>

      {!pending && (
        <Alert
          type={d.decision === 'approved' ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('review.alreadyDecided', {
            decision: t(`reviews.decision.${d.decision}`),
            date: fmt.dateTime(d.decidedAt),
          })}
          description={
            d.reasons.length || d.note ? (
              <>
                {d.reasons.map((r) => (
                  <div key={r.key}>• {r.text}</div>
                ))}
                {d.note && <div>{d.note}</div>}
              </>
            ) : undefined
          }
        />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {d.revision && d.changes.length > 0 && (
            <Card title={t('review.changes', { count: d.changes.length })} style={{ marginBottom: 16 }}>
              <Table
                size="small"
                rowKey="field"
                pagination={false}
                dataSource={d.changes}
                columns={[
                  {
                    title: t('review.field'),
                    dataIndex: 'field',
                    width: 180,
                    render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
                  },
                  {
                    title: t('review.before'),
                    key: 'from',
                    render: (_, ch) => <ChangeValue value={ch.from} />,
                  },
                  { title: t('review.after'), key: 'to', render: (_, ch) => <ChangeValue value={ch.to} /> },
                ]}
              />
            </Card>
          )}

          <Card title={t('review.images', { count: s.imageIds.length })} style={{ marginBottom: 16 }}>
            {s.imageIds.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noImages')} />
            ) : (
              <Image.PreviewGroup>
                <Flex gap={12} wrap>
                  {s.imageIds.map((imageId, i) => (
                    <div key={imageId} style={{ position: 'relative' }}>
                      <ReviewImage
                        id={imageId}
                        size="large-1200"
                        width={220}
                        height={220}
                        alt={t('review.imageN', { n: i + 1 })}
                      />
                      {i === 0 && (
                        <Tag color="blue" style={{ position: 'absolute', top: 6, left: 6 }}>
                          {t('images.main')}
                        </Tag>
                      )}
                    </div>
                  ))}
                </Flex>
              </Image.PreviewGroup>
            )}
          </Card>

          <Card title={t('review.texts')} style={{ marginBottom: 16 }}>
            <Tabs
              items={LANGS.map((lang) => {
                const required = c?.requiredLanguages.includes(lang) ?? false;
                const missing = required && !(s.title[lang]?.trim() && s.description[lang]?.trim());
                return {
                  key: lang,
                  label: (
                    <span>
                      {t(`common:languages.${lang}`)}
                      {required && (
                        <Typography.Text type={missing ? 'danger' : 'secondary'}> *</Typography.Text>
                      )}
                    </span>
                  ),
                  children: (
                    <Descriptions column={1} bordered size="small">
                      <Descriptions.Item label={t('editor.titleField')}>
                        {s.title[lang] || '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('editor.description')}>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                          {s.description[lang] || '—'}
                        </Typography.Paragraph>
                      </Descriptions.Item>
                      <Descriptions.Item label={t('editor.keywords')}>
                        {s.keywords[lang] || '—'}
                      </Descriptions.Item>
                    </Descriptions>
                  ),
                };
              })}
            />
            <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('editor.brand')}>{s.brand || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('editor.video')}>
                {s.videoUrl ? (
                  <a href={s.videoUrl} target="_blank" rel="noreferrer noopener">
                    {s.videoUrl}
                  </a>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>

          <Card title={t('review.attributes')} style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              {(c?.attributes.filter((a) => !a.variant) ?? []).map((a) => (
                <Descriptions.Item
                  key={a.key}
                  label={
                    <span>
                      {textIn(a.names, i18n.language) || a.key}
                      {a.required && <Typography.Text type="danger"> *</Typography.Text>}
                    </span>
                  }
                >
                  {valueText(a, s.attributes[a.key])}
                </Descriptions.Item>
              ))}
              {Object.entries(s.attributes)
                .filter(([k]) => !c?.attributes.some((a) => a.key === k))
                .map(([k, v]) => (
                  <Descriptions.Item key={k} label={k}>
                    {valueText(undefined, v as AttributeValue)}
                  </Descriptions.Item>
                ))}
            </Descriptions>
          </Card>

          <Card title={t('review.skus', { count: d.skus.length })} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.skus}
              scroll={{ x: 800 }}
              columns={[
                ...axes.map((axis) => ({
                  title: textIn(attrOf(axis)?.names, i18n.language) || axis,
                  key: axis,
                  render: (_: unknown, sku: ListingReviewDetail['skus'][number]) =>
                    valueText(attrOf(axis), sku.options[axis]),
                })),
                { title: t('variants.code'), dataIndex: 'code' },
                {
                  title: t('variants.barcode'),
                  dataIndex: 'barcode',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('review.price'),
                  key: 'price',
                  render: (_, sku) => (
                    <span>
                      {fmt.money(sku.salePrice ?? sku.listPrice, sku.currency)}
                      {sku.salePrice !== null && (
                        <Typography.Text delete type="secondary" style={{ marginInlineStart: 6 }}>
                          {fmt.money(sku.listPrice, sku.currency)}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                {
                  title: t('review.storePrices'),
                  key: 'stores',
                  render: (_, sku) =>
                    sku.storePrices.length
                      ? sku.storePrices.map((p) => (
                          <div key={p.storeId}>{fmt.money(p.salePrice ?? p.listPrice, p.currency)}</div>
                        ))
                      : '—',
                },
                {
                  title: t('variants.status'),
                  dataIndex: 'status',
                  render: (v: string) => (
                    <Tag color={v === 'active' ? 'green' : 'default'}>
                      {t(`review.skuStatus.${v}`, { defaultValue: v })}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>

          <Card title={t('review.documents')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('review.requiredDocuments')}>
                <Space size={4} wrap>
                  {c?.documentTypes.length
                    ? c.documentTypes.map((dt) => (
                        <Tag key={dt.id}>{textIn(dt.names, i18n.language) || dt.key}</Tag>
                      ))
                    : '—'}
                </Space>
              </Descriptions.Item>
            </Descriptions>
            <ReviewDocuments documents={d.documents} />
          </Card>
        </Col>

        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('review.compliance')}>
              <List
                size="small"
                dataSource={checks}
                renderItem={(check) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <Space align="start">
                      {check.ok ? (
                        <CheckCircleFilled style={{ color: '#52c41a' }} />
                      ) : (
                        <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                      )}
                      <Typography.Text>{check.text}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={t('review.sellerTitle')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('queue.seller')}>
                  {can('sellers:read') ? (
                    <Link to={`/platform/sellers/${d.sellerId}`}>{d.sellerName}</Link>
                  ) : (
                    d.sellerName
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('queue.category')}>
                  {c ? c.breadcrumb.map((b) => textIn(b.names, i18n.language)).join(' / ') : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('review.saleState')}>
                  {t(`saleState.${d.saleState}`)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('review.previous')}>
              <ReviewTimeline reviews={d.previousDecisions} emptyText={t('review.noPrevious')} />
            </Card>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('review.keys')}
            </Typography.Text>
          </Flex>
        </Col>
      </Row>

      <Modal
        open={approving}
        title={t('review.approveTitle')}
        okText={t('review.approve')}
        cancelText={t('common:actions.cancel')}
        onOk={approve}
        onCancel={() => setApproving(false)}
        okButtonProps={{ loading: decide.isPending, autoFocus: true }}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {d.revision ? t('review.approveRevision') : t('review.approveNew')}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('review.internalNote')}
          placeholder={t('review.internalNote')}
          rows={2}
          maxLength={2000}
          value={approveNote}
          onChange={(e) => setApproveNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) approve();
          }}
        />
      </Modal>

      <Modal
        open={rejecting}
        title={t('review.rejectTitle')}
        okText={t('review.reject')}
        cancelText={t('common:actions.cancel')}
        okButtonProps={{ danger: true, loading: decide.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
        width={620}
      >
        <Form form={form} layout="vertical" onFinish={reject}>
          <Form.Item
            name="reasonKeys"
            label={t('review.reasons')}
            rules={[{ required: true, message: t('review.reasonsRequired') }]}
          >
            <Select
              mode="multiple"
              autoFocus
              loading={reasons.isPending}
              optionFilterProp="label"
              placeholder={t('review.reasonsPlaceholder')}
              options={(reasons.data ?? [])
                .filter((r) => r.active)
                .map((r) => ({ value: r.key, label: textIn(r.names, i18n.language) || r.key }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('review.note')} extra={t('review.noteHelp')}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
