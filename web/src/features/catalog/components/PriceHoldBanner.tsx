import { Alert, Button, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useFormat } from '../../../shared/lib/format';
import { type Sku, usePriceHoldDecision } from '../api';

interface HeldChange {
  holdId: string;
  skuCode: string;
  storeName: string | null;
  currency: string;
  oldList: number;
  oldSale: number | null;
  newList: number;
  newSale: number | null;
}

/**
 * Price changes the price quarantine held (a price multiplied or divided by the platform's factor):
 * the old price stays on sale until the seller confirms the change, or discards it.
 */
export function PriceHoldBanner({
  skus,
  storeName,
  disabled,
}: {
  skus: Sku[];
  storeName: (id: string) => string;
  disabled: boolean;
}) {
  const { t } = useTranslation('catalog');
  const fmt = useFormat();
  const decide = usePriceHoldDecision();
  const notify = useApiMessage();
  const held: HeldChange[] = [];
  for (const sku of skus) {
    if (sku.priceHold)
      held.push({
        holdId: sku.priceHold.id,
        skuCode: sku.code,
        storeName: null,
        currency: sku.currency,
        oldList: sku.listPrice,
        oldSale: sku.salePrice,
        newList: sku.priceHold.listPrice,
        newSale: sku.priceHold.salePrice,
      });
    for (const p of sku.storePrices)
      if (p.priceHold)
        held.push({
          holdId: p.priceHold.id,
          skuCode: sku.code,
          storeName: storeName(p.storeId),
          currency: p.currency,
          oldList: p.listPrice,
          oldSale: p.salePrice,
          newList: p.priceHold.listPrice,
          newSale: p.priceHold.salePrice,
        });
  }
  if (held.length === 0) return null;
  const price = (list: number, sale: number | null, currency: string) =>
    sale !== null ? `${fmt.money(sale, currency)} (${fmt.money(list, currency)})` : fmt.money(list, currency);
  const run = (id: string, decision: 'confirm' | 'discard') =>
    decide.mutate(
      { id, decision },
      {
        onSuccess: () => notify.success(decision === 'confirm' ? t('holds.confirmed') : t('holds.discarded')),
        onError: notify.error,
      },
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('holds.title', { count: held.length })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('holds.text')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={held}
            renderItem={(h) => (
              <List.Item
                actions={
                  disabled
                    ? undefined
                    : [
                        <Button
                          key="confirm"
                          size="small"
                          type="primary"
                          loading={decide.isPending}
                          onClick={() => run(h.holdId, 'confirm')}
                        >
                          {t('holds.confirm')}
                        </Button>,
                        <Button
                          key="discard"
                          size="small"
                          loading={decide.isPending}
                          onClick={() => run(h.holdId, 'discard')}
                        >
                          {t('holds.discard')}
                        </Button>,
                      ]
                }
              >
                <Space wrap>
                  <Typography.Text strong>{h.skuCode}</Typography.Text>
                  <Typography.Text type="secondary">{h.storeName ?? t('holds.base')}</Typography.Text>
                  <Typography.Text>
                    {price(h.oldList, h.oldSale, h.currency)} →{' '}
                    <b>{price(h.newList, h.newSale, h.currency)}</b>
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
