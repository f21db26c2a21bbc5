import { BulbOutlined } from '@ant-design/icons';
import { Card, Flex, List, Progress, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type RuleAttribute, textIn } from '../api';

export const qualityColor = (score: number) => (score >= 80 ? 'green' : score >= 50 ? 'gold' : 'red');
const strokeColor = (score: number) => (score >= 80 ? '#52c41a' : score >= 50 ? '#faad14' : '#ff4d4f');

/** A quality hint code (`short_title`, `missing_language:ru-RU`, `empty_required_attribute:size`) as text. */
export function hintText(
  t: TFunction,
  code: string,
  language: string,
  attributes: RuleAttribute[] | undefined,
): string {
  const [kind = code, arg] = code.split(':');
  if (arg === undefined) return t(`quality.hints.${kind}`, { defaultValue: kind });
  if (kind === 'missing_language')
    return t('quality.hints.missing_language', { lang: t(`common:languages.${arg}`, { defaultValue: arg }) });
  const attribute = attributes?.find((a) => a.key === arg);
  const name = attribute ? textIn(attribute.names, language) || arg : arg;
  return t(`quality.hints.${kind}`, { name, defaultValue: code });
}

/** The score as a colored tag; the hints in a tooltip. */
export function QualityTag({ score, hints }: { score: number; hints: string[] }) {
  const { t, i18n } = useTranslation('catalog');
  const tag = <Tag color={qualityColor(score)}>{score}</Tag>;
  if (hints.length === 0) return tag;
  return (
    <Tooltip
      title={
        <div>
          <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('quality.improve')}</div>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {hints.map((h) => (
              <li key={h}>{hintText(t, h, i18n.language, undefined)}</li>
            ))}
          </ul>
        </div>
      }
    >
      <span style={{ cursor: 'help' }}>{tag}</span>
    </Tooltip>
  );
}

/** The product editor's quality card: the score and each concrete thing to improve. */
export function QualityCard({
  score,
  hints,
  attributes,
}: {
  score: number | null;
  hints: string[];
  attributes: RuleAttribute[] | undefined;
}) {
  const { t, i18n } = useTranslation('catalog');
  return (
    <Card title={t('quality.title')} size="small">
      {score === null ? (
        <Typography.Text type="secondary">{t('quality.afterSave')}</Typography.Text>
      ) : (
        <>
          <Flex align="center" gap={16}>
            <Progress
              type="circle"
              percent={score}
              size={72}
              strokeColor={strokeColor(score)}
              format={(p) => p}
            />
            <Typography.Text type="secondary">{t('quality.explain')}</Typography.Text>
          </Flex>
          {hints.length > 0 ? (
            <List
              size="small"
              style={{ marginTop: 12 }}
              dataSource={hints}
              renderItem={(h) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <Typography.Text>
                    <BulbOutlined style={{ color: '#faad14', marginInlineEnd: 8 }} />
                    {hintText(t, h, i18n.language, attributes)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          ) : (
            <Typography.Paragraph type="success" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('quality.perfect')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
