import { Badge, Form, Input, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../api';

/**
 * Title, description and keywords per language, one tab each. Required languages (from the category)
 * are marked; a tab with a server error shows a red dot. Every tab is rendered so errors land on fields.
 */
export function TextsEditor({
  requiredLanguages,
  disabled,
  errorLangs,
}: {
  requiredLanguages: string[];
  disabled: boolean;
  errorLangs: Set<string>;
}) {
  const { t } = useTranslation('catalog');
  return (
    <Tabs
      items={LANGS.map((lang: Lang) => {
        const required = requiredLanguages.includes(lang);
        return {
          key: lang,
          forceRender: true,
          label: (
            <Badge dot={errorLangs.has(lang)} offset={[6, 0]}>
              <span>
                {t(`common:languages.${lang}`)}
                {required && <Typography.Text type="danger"> *</Typography.Text>}
              </span>
            </Badge>
          ),
          children: (
            <>
              <Form.Item
                name={['title', lang]}
                label={t('editor.titleField')}
                required={required}
                extra={t('editor.titleHelp')}
              >
                <Input
                  maxLength={200}
                  showCount
                  disabled={disabled}
                  aria-label={`${t('editor.titleField')} ${lang}`}
                />
              </Form.Item>
              <Form.Item name={['description', lang]} label={t('editor.description')} required={required}>
                <Input.TextArea
                  rows={6}
                  maxLength={10_000}
                  showCount
                  disabled={disabled}
                  aria-label={`${t('editor.description')} ${lang}`}
                />
              </Form.Item>
              <Form.Item
                name={['keywords', lang]}
                label={t('editor.keywords')}
                extra={t('editor.keywordsHelp')}
              >
                <Input maxLength={500} disabled={disabled} aria-label={`${t('editor.keywords')} ${lang}`} />
              </Form.Item>
            </>
          ),
        };
      })}
    />
  );
}
