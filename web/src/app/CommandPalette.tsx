import { EnterOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Flex, Input, type InputRef, List, Modal, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LANGUAGES } from './i18n';
import type { NavEntry } from './nav';

interface PaletteItem {
  entry: NavEntry;
  label: string;
  haystack: string;
}

/** Ctrl/⌘+K: finds any feature by its name in Chinese, English or Russian, whatever the UI language. */
export function CommandPalette({
  entries,
  open,
  onOpenChange,
}: {
  entries: NavEntry[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t, i18n } = useTranslation('common');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<InputRef>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        onOpenChange(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onOpenChange]);

  const items: PaletteItem[] = useMemo(() => {
    const fixed = LANGUAGES.map((l) => i18n.getFixedT(l.code, 'common'));
    return entries.map((entry) => ({
      entry,
      label: t(entry.label),
      haystack: [...fixed.map((ft) => ft(entry.label)), entry.path, entry.key].join(' ').toLowerCase(),
    }));
  }, [entries, i18n, t]);

  const results = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return items;
    return items.filter((item) => words.every((w) => item.haystack.includes(w)));
  }, [items, query]);

  const go = (item: PaletteItem | undefined) => {
    if (!item) return;
    onOpenChange(false);
    setQuery('');
    setActive(0);
    navigate(item.entry.path);
  };

  return (
    <Modal
      open={open}
      onCancel={() => onOpenChange(false)}
      footer={null}
      closable={false}
      title={t('palette.title')}
      afterOpenChange={(visible) => visible && inputRef.current?.focus()}
      destroyOnHidden
      width={560}
    >
      <Input
        ref={inputRef}
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            go(results[active]);
          }
        }}
      />
      <div style={{ maxHeight: 360, overflowY: 'auto', marginTop: 12 }}>
        {results.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('palette.noResults')} />
        ) : (
          <List
            size="small"
            dataSource={results}
            renderItem={(item, index) => (
              <List.Item
                role="option"
                aria-selected={index === active}
                onMouseEnter={() => setActive(index)}
                onClick={() => go(item)}
                style={{
                  cursor: 'pointer',
                  borderRadius: 6,
                  padding: '8px 12px',
                  background: index === active ? 'rgba(22, 104, 220, 0.08)' : undefined,
                }}
              >
                <Flex justify="space-between" align="center" style={{ width: '100%' }}>
                  <Flex gap={8} align="center">
                    {item.entry.icon}
                    <Typography.Text>{item.label}</Typography.Text>
                    <Tag>{t(`navGroup.${item.entry.group}`)}</Tag>
                  </Flex>
                  {index === active && <EnterOutlined style={{ color: '#999' }} />}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('palette.hint')}
      </Typography.Text>
    </Modal>
  );
}
