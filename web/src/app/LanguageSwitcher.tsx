import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateProfile } from '../features/account/api';
import { useApiMessage } from '../shared/hooks/useApiMessage';
import { changeLanguage, LANGUAGES, normalizeLanguage } from './i18n';

/** 简体中文 / English / Русский. Signed-in users have the choice saved to their profile. */
export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation('common');
  const updateProfile = useUpdateProfile();
  const notify = useApiMessage();
  const current = LANGUAGES.find((l) => l.code === i18n.language) ?? LANGUAGES[1];

  const select = async (code: string) => {
    if (signedIn) {
      try {
        await updateProfile.mutateAsync({ locale: normalizeLanguage(code) ?? 'en-US' });
      } catch (error) {
        notify.error(error);
        return;
      }
    }
    await changeLanguage(code);
  };

  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [current.code],
        items: LANGUAGES.map((l) => ({ key: l.code, label: l.label })),
        onClick: ({ key }) => void select(key),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={`${t('header.language')}: ${current.label}`}>
        {current.label}
      </Button>
    </Dropdown>
  );
}
