import { Button, type ButtonProps, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick' | 'title'> {
  title: ReactNode;
  description?: ReactNode;
  okText?: ReactNode;
  onConfirm: () => unknown;
  children: ReactNode;
}

/** A button for destructive actions: asks first, then runs `onConfirm`. */
export function ConfirmButton({
  title,
  description,
  okText,
  onConfirm,
  children,
  danger = true,
  ...rest
}: ConfirmButtonProps) {
  const { t } = useTranslation('common');
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={okText ?? t('actions.confirm')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ danger }}
      onConfirm={() => onConfirm()}
    >
      <Button danger={danger} {...rest}>
        {children}
      </Button>
    </Popconfirm>
  );
}
