import { DownOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Dropdown,
  Form,
  InputNumber,
  List,
  Modal,
  Radio,
  Result,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/api/session';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { minorDigits, toMinor } from '../../../shared/lib/money';
import {
  type BulkAction,
  type BulkInput,
  type BulkResult,
  type ProductListItem,
  textIn,
  useBulkProducts,
} from '../api';

type Dialog = 'archive' | 'price' | 'stock_threshold' | null;

interface PriceForm {
  kind: 'percent' | 'amount';
  direction: 'up' | 'down';
  value: number;
}

/** Actions on the selected products, each reported per product. */
export function BulkActions({
  selected,
  rows,
  onDone,
}: {
  selected: string[];
  rows: ProductListItem[];
  onDone: () => void;
}) {
  const { t } = useTranslation('catalog');
  const { data: session } = useSession();
  const currency = session?.seller?.defaultCurrency ?? 'CNY';
  const bulk = useBulkProducts();
  const notify = useApiMessage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [results, setResults] = useState<{ action: BulkAction; items: BulkResult[] } | null>(null);
  const [priceForm] = Form.useForm<PriceForm>();
  const [thresholdForm] = Form.useForm<{ threshold: number | null }>();
  const kind = Form.useWatch('kind', priceForm) ?? 'percent';

  const run = (input: Omit<BulkInput, 'productIds'>) =>
    bulk.mutate(
      { ...input, productIds: selected },
      {
        onSuccess: (items) => {
          setDialog(null);
          setResults({ action: input.action, items });
          onDone();
        },
        onError: notify.error,
      },
    );

  const menu = [
    { key: 'submit', label: t('bulk.submit') },
    { key: 'activate', label: t('bulk.activate') },
    { key: 'deactivate', label: t('bulk.deactivate') },
    { type: 'divider' as const },
    { key: 'price', label: t('bulk.price') },
    { key: 'stock_threshold', label: t('bulk.threshold') },
    { type: 'divider' as const },
    { key: 'archive', label: t('bulk.archive'), danger: true },
  ];

  const onMenu = ({ key }: { key: string }) => {
    if (key === 'archive' || key === 'price' || key === 'stock_threshold') setDialog(key);
    else run({ action: key as BulkAction });
  };

  return (
    <>
      <Space>
        <Typography.Text>{t('bulk.selected', { count: selected.length })}</Typography.Text>
        <Dropdown menu={{ items: menu, onClick: onMenu }} disabled={selected.length === 0 || bulk.isPending}>
          <Button loading={bulk.isPending}>
            {t('bulk.actions')} <DownOutlined />
          </Button>
        </Dropdown>
      </Space>

      <Modal
        open={dialog === 'archive'}
        title={t('bulk.archiveTitle', { count: selected.length })}
        okText={t('bulk.archive')}
        okButtonProps={{ danger: true, loading: bulk.isPending }}
        onOk={() => run({ action: 'archive' })}
        onCancel={() => setDialog(null)}
      >
        <Typography.Paragraph>{t('bulk.archiveText')}</Typography.Paragraph>
      </Modal>

      <Modal
        open={dialog === 'price'}
        title={t('bulk.priceTitle', { count: selected.length })}
        okText={t('bulk.apply')}
        okButtonProps={{ loading: bulk.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() => priceForm.submit()}
        destroyOnHidden
      >
        <Form<PriceForm>
          form={priceForm}
          layout="vertical"
          initialValues={{ kind: 'percent', direction: 'up' }}
          onFinish={(v) =>
            run({
              action: 'price',
              price: {
                kind: v.kind,
                direction: v.direction,
                value: v.kind === 'amount' ? (toMinor(v.value, currency) ?? 0) : v.value,
              },
            })
          }
        >
          <Form.Item name="direction" label={t('bulk.direction')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'up', label: t('bulk.up') },
                { value: 'down', label: t('bulk.down') },
              ]}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('bulk.by')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'percent', label: t('bulk.percent') },
                { value: 'amount', label: t('bulk.amount', { currency }) },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="value"
            label={t('bulk.value')}
            rules={[{ required: true, message: t('bulk.valueRequired') }]}
          >
            <InputNumber
              min={0.01}
              max={kind === 'percent' ? 1000 : undefined}
              precision={kind === 'percent' ? 2 : minorDigits(currency)}
              addonAfter={kind === 'percent' ? '%' : currency}
              style={{ width: 220 }}
              aria-label={t('bulk.value')}
            />
          </Form.Item>
          <Alert type="info" showIcon title={t('bulk.priceNote')} />
        </Form>
      </Modal>

      <Modal
        open={dialog === 'stock_threshold'}
        title={t('bulk.thresholdTitle', { count: selected.length })}
        okText={t('bulk.apply')}
        okButtonProps={{ loading: bulk.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() => thresholdForm.submit()}
        destroyOnHidden
      >
        <Form
          form={thresholdForm}
          layout="vertical"
          onFinish={(v) => run({ action: 'stock_threshold', threshold: v.threshold ?? null })}
        >
          <Form.Item name="threshold" label={t('bulk.thresholdLabel')} extra={t('bulk.thresholdHelp')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>

      <BulkResultModal results={results} rows={rows} onClose={() => setResults(null)} />
    </>
  );
}

function BulkResultModal({
  results,
  rows,
  onClose,
}: {
  results: { action: BulkAction; items: BulkResult[] } | null;
  rows: ProductListItem[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('catalog');
  if (!results) return null;
  const ok = results.items.filter((r) => r.ok);
  const failed = results.items.filter((r) => !r.ok);
  const held = results.items.reduce((sum, r) => sum + (r.held ?? 0), 0);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const name = (id: string) => {
    const row = byId.get(id);
    return row ? `#${row.number} ${textIn(row.title, i18n.language)}` : id;
  };
  return (
    <Modal
      open
      title={t(`bulk.resultTitle.${results.action}`)}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common:actions.close')}
        </Button>
      }
      width={640}
    >
      <Result
        style={{ padding: '8px 0' }}
        status={failed.length === 0 ? 'success' : ok.length === 0 ? 'error' : 'warning'}
        title={t('bulk.resultSummary', { ok: ok.length, failed: failed.length })}
        subTitle={held > 0 ? t('bulk.held', { count: held }) : undefined}
      />
      {held > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('bulk.heldTitle')}
          description={t('bulk.heldText')}
        />
      )}
      {failed.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t('bulk.failedList')}</Typography.Text>}
          dataSource={failed}
          renderItem={(r) => (
            <List.Item>
              <div>
                <Typography.Text strong>{name(r.productId)}</Typography.Text>{' '}
                {r.code && <Tag color="red">{r.code}</Tag>}
                <div>
                  <Typography.Text type="secondary">{r.detail}</Typography.Text>
                </div>
                {r.errors && r.errors.length > 0 && (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                    {r.errors.map((e) => (
                      <li key={`${e.path}-${e.code}`}>
                        <Typography.Text type="secondary">{e.message}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      {held > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={results.items.filter((r) => (r.held ?? 0) > 0)}
          renderItem={(r) => (
            <List.Item>
              <Typography.Text>{name(r.productId)}</Typography.Text>
              <Tag color="gold">{t('bulk.heldCount', { count: r.held ?? 0 })}</Tag>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
