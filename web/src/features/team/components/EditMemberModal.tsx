import { Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { type Member, type Role, useUpdateMember } from '../api';
import { RoleAndStoresFields, type RoleAndStoresValues, roleBody } from './RoleAndStoresFields';

export function EditMemberModal({
  member,
  roles,
  onClose,
}: {
  member: Member | null;
  roles: Role[];
  onClose: () => void;
}) {
  const { t } = useTranslation('team');
  const [form] = Form.useForm<RoleAndStoresValues>();
  const update = useUpdateMember();
  const notify = useApiMessage();

  const onFinish = async (v: RoleAndStoresValues) => {
    if (!member) return;
    try {
      const body = roleBody(roles, v.roleId);
      await update.mutateAsync({
        id: member.id,
        ...(body.customRoleId ? { customRoleId: body.customRoleId } : { role: body.role }),
        storeIds: v.storeScope === 'some' ? (v.storeIds ?? []) : null,
      });
      notify.success();
      onClose();
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Modal
      open={member !== null}
      title={t('members.editTitle')}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: update.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && update.reset()}
      destroyOnHidden
    >
      {member && (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>{member.name}</Typography.Text>{' '}
            <Typography.Text type="secondary">{member.email}</Typography.Text>
          </Typography.Paragraph>
          <ErrorAlert error={update.error} />
          <Form<RoleAndStoresValues>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{
              roleId: member.customRoleId ?? member.role ?? undefined,
              storeScope: member.storeIds === null ? 'all' : 'some',
              storeIds: member.storeIds ?? [],
            }}
            onFinish={onFinish}
          >
            <RoleAndStoresFields roles={roles} />
          </Form>
        </>
      )}
    </Modal>
  );
}
