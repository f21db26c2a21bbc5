import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CategoryRules, textIn } from '../api';

/** What the chosen category asks of a product: commission, images, languages, attributes, documents. */
export function CategoryRulesCard({ rules }: { rules: CategoryRules | undefined }) {
  const { t, i18n } = useTranslation('catalog');
  return (
    <Card size="small" title={t('rules.title')}>
      {!rules ? (
        <Typography.Text type="secondary">{t('rules.pickCategory')}</Typography.Text>
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('rules.path')}>
            {rules.breadcrumb.map((b) => textIn(b.names, i18n.language)).join(' / ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('rules.commission')}>
            {new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 }).format(
              rules.commissionBps / 10_000,
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('rules.images')}>
            {t('rules.imagesRange', { min: rules.minImages, max: rules.maxImages })}
          </Descriptions.Item>
          <Descriptions.Item label={t('rules.languages')}>
            <Space size={4} wrap>
              {rules.requiredLanguages.length
                ? rules.requiredLanguages.map((l) => (
                    <Tag key={l}>{t(`common:languages.${l}`, { defaultValue: l })}</Tag>
                  ))
                : t('rules.anyLanguage')}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('rules.requiredAttributes')}>
            <Space size={4} wrap>
              {rules.attributes.filter((a) => a.required).length
                ? rules.attributes
                    .filter((a) => a.required)
                    .map((a) => (
                      <Tag key={a.key} color={a.variant ? 'purple' : undefined}>
                        {textIn(a.names, i18n.language) || a.key}
                      </Tag>
                    ))
                : '—'}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('rules.documents')}>
            <Space size={4} wrap>
              {rules.documentTypes.length
                ? rules.documentTypes.map((d) => (
                    <Tag key={d.id}>{textIn(d.names, i18n.language) || d.key}</Tag>
                  ))
                : '—'}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
