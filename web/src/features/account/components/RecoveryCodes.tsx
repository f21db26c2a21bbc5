import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';

/** The ten recovery codes, shown once, with copy and download as .txt. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('account');
  const notify = useApiMessage();
  const text = codes.join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notify.success(t('twoFactor.codes.copied'));
    } catch (error) {
      notify.error(error);
    }
  };

  const download = () => {
    const blob = new Blob([`${t('twoFactor.codes.fileHeader')}\n\n${text}\n`], {
      type: 'text/plain;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'seller-center-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card type="inner" title={t('twoFactor.codes.title')}>
      <Alert type="warning" showIcon title={t('twoFactor.codes.warning')} style={{ marginBottom: 16 }} />
      <div
        data-testid="recovery-codes"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, max-content)',
          gap: '8px 48px',
          fontFamily: 'monospace',
          fontSize: 16,
          marginBottom: 16,
        }}
      >
        {codes.map((code) => (
          <Typography.Text key={code} code>
            {code}
          </Typography.Text>
        ))}
      </div>
      <Flex gap={8} wrap>
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('twoFactor.codes.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('twoFactor.codes.download')}
        </Button>
        <Button type="primary" onClick={onDone}>
          {t('twoFactor.codes.saved')}
        </Button>
      </Flex>
    </Card>
  );
}
