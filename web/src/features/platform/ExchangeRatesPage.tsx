import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Modal, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import { currencyOptions } from '../../shared/lib/options';
import {
  type ExchangeRate,
  type RateFilters,
  useDeleteRate,
  useExchangeRates,
  useLatestRates,
  useSetRate,
} from './catalogApi';

export const RATE_PATTERN = /^(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,12})?$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

/** 1 / rate as a decimal string with `digits` decimals, computed exactly (half-even) for display. */
export function inverseRate(rate: string, digits = 6): string {
  const [int = '0', frac = ''] = rate.split('.');
  const num = BigInt(int + frac);
  if (num === 0n) return '—';
  const den = 10n ** BigInt(frac.length);
  const scale = 10n ** BigInt(digits);
  let q = (den * scale) / num;
  const r = (den * scale) % num;
  if (r * 2n > num || (r * 2n === num && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(digits + 1, '0');
  const out = `${text.slice(0, -digits)}.${text.slice(-digits)}`.replace(/\.?0+$/, '');
  return out || '0';
}

/** Operators: exchange rates, one per currency pair and day; conversions use the latest on or before a day. */
export default function ExchangeRatesPage() {
  const { t } = useTranslation('catalogConfig');
  const fmt = useFormat();
  const { can } = usePermissions();
  const canManage = can('rates:manage');
  const latest = useLatestRates();
  const [filters, setFilters] = useState<RateFilters>({});
  const history = useExchangeRates(filters);
  const remove = useDeleteRate();
  const notify = useApiMessage();
  const [setting, setSetting] = useState<Partial<ExchangeRate> | null>(null);
  const rows = history.data?.pages.flatMap((p) => p.items) ?? [];
  const currencies = currencyOptions(fmt.locale);

  const dayInput = (key: 'from' | 'to', label: string) => (
    <Input
      type="date"
      aria-label={label}
      style={{ width: 170 }}
      value={filters[key] ?? ''}
      onChange={(e) => {
        const v = e.target.value;
        setFilters((f) => ({ ...f, [key]: DAY_PATTERN.test(v) ? v : undefined }));
      }}
    />
  );

  return (
    <div>
      <PageHeader
        title={t('rates.title')}
        subtitle={t('rates.subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSetting({})}>
              {t('rates.set')}
            </Button>
          )
        }
      />
      <Card title={t('rates.latest')} style={{ marginBottom: 16 }}>
        <ErrorAlert error={latest.error} onRetry={() => latest.refetch()} />
        <Table<ExchangeRate>
          rowKey={(r) => `${r.base}/${r.quote}`}
          size="small"
          loading={latest.isPending}
          dataSource={latest.data?.items ?? []}
          pagination={false}
          locale={{
            emptyText: (
              <EmptyState
                description={t('rates.empty')}
                action={
                  canManage && (
                    <Button type="primary" onClick={() => setSetting({})}>
                      {t('rates.set')}
                    </Button>
                  )
                }
              />
            ),
          }}
          columns={[
            {
              title: t('fields.pair'),
              key: 'pair',
              render: (_, r) => <strong>{`${r.base} → ${r.quote}`}</strong>,
            },
            {
              title: t('fields.rate'),
              key: 'rate',
              render: (_, r) => (
                <Typography.Text code>{`1 ${r.base} = ${r.rate} ${r.quote}`}</Typography.Text>
              ),
            },
            {
              title: t('fields.inverse'),
              key: 'inverse',
              render: (_, r) => (
                <Typography.Text type="secondary">{`1 ${r.quote} = ${inverseRate(r.rate)} ${r.base}`}</Typography.Text>
              ),
            },
            {
              title: t('fields.day'),
              dataIndex: 'day',
              render: (d: string) => (
                <span>
                  {fmt.date(`${d}T00:00:00Z`)}
                  {d < today() && (
                    <Typography.Text type="warning" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {t('rates.stale')}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: t('common:columns.actions'),
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, r: ExchangeRate) => (
                      <Button
                        size="small"
                        onClick={() => setSetting({ base: r.base, quote: r.quote, rate: r.rate })}
                      >
                        {t('rates.update')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('rates.history')}>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('fields.currency')}
            aria-label={t('fields.currency')}
            style={{ width: 220 }}
            options={currencies}
            value={filters.currency}
            onChange={(currency?: string) => setFilters((f) => ({ ...f, currency }))}
          />
          {dayInput('from', t('rates.from'))}
          {dayInput('to', t('rates.to'))}
        </Flex>
        <ErrorAlert error={history.error} onRetry={() => history.refetch()} />
        <Table<ExchangeRate>
          rowKey={(r) => `${r.day}/${r.base}/${r.quote}`}
          size="small"
          loading={history.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('rates.noHistory')} /> }}
          columns={[
            { title: t('fields.day'), dataIndex: 'day', render: (d: string) => fmt.date(`${d}T00:00:00Z`) },
            { title: t('fields.pair'), key: 'pair', render: (_, r) => `${r.base} → ${r.quote}` },
            {
              title: t('fields.rate'),
              dataIndex: 'rate',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            { title: t('fields.setAt'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
            ...(canManage
              ? [
                  {
                    title: t('common:columns.actions'),
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, r: ExchangeRate) => (
                      <ConfirmButton
                        size="small"
                        title={t('rates.deleteConfirm', { pair: `${r.base} → ${r.quote}`, day: r.day })}
                        description={t('rates.deleteHint')}
                        onConfirm={async () => {
                          try {
                            await remove.mutateAsync({ base: r.base, quote: r.quote, day: r.day });
                            notify.success(t('rates.deleted'));
                          } catch (error) {
                            notify.error(error);
                          }
                        }}
                      >
                        {t('actions.delete')}
                      </ConfirmButton>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {history.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
      <SetRateModal initial={setting} onClose={() => setSetting(null)} />
    </div>
  );
}

interface Values {
  base: string;
  quote: string;
  day: string;
  rate: string;
}

function SetRateModal({ initial, onClose }: { initial: Partial<ExchangeRate> | null; onClose: () => void }) {
  const { t } = useTranslation('catalogConfig');
  const fmt = useFormat();
  const [form] = Form.useForm<Values>();
  const save = useSetRate();
  const notify = useApiMessage();
  const currencies = currencyOptions(fmt.locale);
  const base = Form.useWatch('base', form);
  const quote = Form.useWatch('quote', form);
  const rate = Form.useWatch('rate', form);

  return (
    <Modal
      open={initial !== null}
      title={t('rates.setTitle')}
      okText={t('actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && save.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ base: initial?.base, quote: initial?.quote, rate: initial?.rate, day: today() }}
        onFinish={async (v) => {
          try {
            await save.mutateAsync({ base: v.base, quote: v.quote, day: v.day, rate: v.rate.trim() });
            notify.success(t('rates.saved'));
            onClose();
          } catch (error) {
            applyFormErrors(form, error);
          }
        }}
      >
        <Row gutter={8} align="middle">
          <Col flex="1">
            <Form.Item
              name="base"
              label={t('fields.base')}
              rules={[{ required: true, message: t('validation.currency') }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={currencies} />
            </Form.Item>
          </Col>
          <Col>
            <Button
              type="text"
              icon={<SwapOutlined />}
              aria-label={t('rates.swap')}
              onClick={() =>
                form.setFieldsValue({
                  base: quote,
                  quote: base,
                  rate: rate && RATE_PATTERN.test(rate) ? inverseRate(rate, 8) : rate,
                })
              }
            />
          </Col>
          <Col flex="1">
            <Form.Item
              name="quote"
              label={t('fields.quote')}
              dependencies={['base']}
              rules={[
                { required: true, message: t('validation.currency') },
                ({ getFieldValue }) => ({
                  validator: async (_, v?: string) => {
                    if (v && v === getFieldValue('base')) throw new Error(t('validation.sameCurrency'));
                  },
                }),
              ]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={currencies} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="rate"
          label={t('fields.rate')}
          extra={base && quote ? t('rates.rateHint', { base, quote }) : undefined}
          rules={[
            { required: true, message: t('validation.rate') },
            {
              validator: async (_, v?: string) => {
                if (v && (!RATE_PATTERN.test(v.trim()) || /^0(\.0+)?$/.test(v.trim())))
                  throw new Error(t('validation.rate'));
              },
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="12.4500" />
        </Form.Item>
        <Form.Item
          name="day"
          label={t('fields.day')}
          extra={t('rates.dayHint')}
          rules={[{ required: true, pattern: DAY_PATTERN, message: t('validation.day') }]}
        >
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
