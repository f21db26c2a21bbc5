import { ShopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_STORES, getStoreSelection, setStoreSelection } from '../shared/api/client';
import type { SessionStore } from '../shared/api/session';

/** Chooses which store the console works on; sent to the API as `X-Store-Id`. */
export function StoreSwitcher({ stores }: { stores: SessionStore[] }) {
  const { t } = useTranslation('common');
  const qc = useQueryClient();
  const stored = getStoreSelection();
  const initial = stored === ALL_STORES || stores.some((s) => s.id === stored) ? stored : ALL_STORES;
  const [value, setValue] = useState(initial);
  if (initial !== stored) setStoreSelection(initial);

  const change = (next: string) => {
    setValue(next);
    setStoreSelection(next);
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };

  return (
    <Select
      aria-label={t('header.store')}
      value={value}
      onChange={change}
      style={{ minWidth: 200 }}
      suffixIcon={<ShopOutlined />}
      options={[
        { value: ALL_STORES, label: t('header.allStores') },
        ...stores.map((s) => ({
          value: s.id,
          label: s.status === 'archived' ? `${s.name} (${t('status.archived')})` : s.name,
        })),
      ]}
    />
  );
}
