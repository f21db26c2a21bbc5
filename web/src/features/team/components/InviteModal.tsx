import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { type Role, useInvite } from '../api';
import { RoleAndStoresFields, type RoleAndStoresValues, roleBody } from './RoleAndStoresFields';

type Values = RoleAndStoresValues & { email: string; name?: string };

export function InviteModal({ open, onClose, roles }: { open: boolean; onClose: () => void; roles: Role[] }) {
  const { t } = useTranslation('team');
  const [form] = Form.useForm<Values>();
  const invite = useInvite();
  const notify = useApiMessage();

  const onFinish = async (v: Values) => {
    try {
      await invite.mutateAsync({
        email: v.email.trim(),
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        ...roleBody(roles, v.roleId),
        storeIds: v.storeScope === 'some' ? (v.storeIds ?? []) : null,
      });
      notify.success(t('invite.sent', { email: v.email }));
      onClose();
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('invite.title')}
      okText={t('invite.submit')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: invite.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && invite.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={invite.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ storeScope: 'all', roleId: 'admin' }}
        onFinish={onFinish}
      >
        <Form.Item
          name="email"
          label={t('fields.email')}
          rules={[
            { required: true, message: t('validation.emailRequired') },
            { type: 'email', message: t('validation.emailInvalid') },
            { max: 254 },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('fields.nameOptional')} rules={[{ max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <RoleAndStoresFields roles={roles} />
      </Form>
    </Modal>
  );
}
