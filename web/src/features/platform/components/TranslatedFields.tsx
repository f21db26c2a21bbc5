import { Col, Form, Input, Row, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang, type Translated } from '../catalogApi';

/** The text in the UI language, else English, else any language there is. */
export function localName(names: Translated | null | undefined, language: string): string {
  if (!names) return '';
  return names[language as Lang] ?? names['en-US'] ?? names['zh-CN'] ?? names['ru-RU'] ?? '';
}

export function useLocalName() {
  const { i18n } = useTranslation();
  return (names: Translated | null | undefined) => localName(names, i18n.language);
}

/**
 * One input per console language (zh-CN, en-US, ru-RU) under `name`; all required unless
 * `optional`, each at most `max` characters.
 */
export function TranslatedFields({
  name,
  label,
  max = 100,
  optional = false,
  compact = false,
}: {
  name: NamePath;
  label: string;
  max?: number;
  optional?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation('catalogConfig');
  const base = Array.isArray(name) ? name : [name];
  return (
    <Row gutter={12}>
      {LANGS.map((lang) => (
        <Col key={lang} xs={24} md={compact ? 8 : 24}>
          <Form.Item
            name={[...base, lang]}
            label={`${label} · ${t(`lang.${lang}`)}`}
            rules={[
              ...(optional
                ? []
                : [{ required: true, whitespace: true, message: t('validation.nameRequired') }]),
              { max, message: t('validation.max', { max }) },
            ]}
          >
            <Input lang={lang} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** Trimmed names without empty entries (optional translations). */
export function cleanNames(names: Translated | undefined): Translated {
  return Object.fromEntries(
    Object.entries(names ?? {})
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
      .filter(([, v]) => typeof v === 'string' && v.length > 0),
  ) as Translated;
}

export function requiredNames(names: Translated | undefined): Required<Translated> {
  const n = cleanNames(names);
  return { 'zh-CN': n['zh-CN'] ?? '', 'en-US': n['en-US'] ?? '', 'ru-RU': n['ru-RU'] ?? '' };
}

/** A list cell: the entry's name in the UI language as a link that opens it, and its stable key below. */
export function NameAndKey({
  names,
  entryKey,
  onOpen,
}: {
  names: Translated;
  entryKey: string;
  onOpen: () => void;
}) {
  const name = useLocalName();
  return (
    <div>
      <Typography.Link onClick={onOpen}>{name(names)}</Typography.Link>
      <div>
        <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
          {entryKey}
        </Typography.Text>
      </div>
    </div>
  );
}
