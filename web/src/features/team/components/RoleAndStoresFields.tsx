import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/api/session';
import type { Role } from '../api';

export interface RoleAndStoresValues {
  roleId: string;
  storeScope: 'all' | 'some';
  storeIds?: string[];
}

export function roleLabel(
  t: (k: string, o?: Record<string, unknown>) => string,
  role: Pick<Role, 'id' | 'name' | 'builtIn'>,
) {
  return role.builtIn ? t(`roles.builtIn.${role.id}`, { defaultValue: role.name }) : role.name;
}

/** Turns the form's role choice into the API's `role` (built-in key) or `customRoleId`. */
export function roleBody(roles: Role[], roleId: string): { role?: string; customRoleId?: string } {
  const role = roles.find((r) => r.id === roleId);
  return role && !role.builtIn ? { customRoleId: roleId } : { role: roleId };
}

export function RoleAndStoresFields({ roles }: { roles: Role[] }) {
  const { t } = useTranslation('team');
  const { data: session } = useSession();
  const stores = session?.stores ?? [];
  const builtIn = roles.filter((r) => r.builtIn && r.id !== 'owner');
  const custom = roles.filter((r) => !r.builtIn);

  return (
    <>
      <Form.Item
        name="roleId"
        label={t('fields.role')}
        rules={[{ required: true, message: t('validation.roleRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            {
              label: t('roles.builtInGroup'),
              options: builtIn.map((r) => ({ value: r.id, label: roleLabel(t, r) })),
            },
            ...(custom.length > 0
              ? [
                  {
                    label: t('roles.customGroup'),
                    options: custom.map((r) => ({ value: r.id, label: r.name })),
                  },
                ]
              : []),
          ]}
        />
      </Form.Item>
      <Form.Item name="storeScope" label={t('fields.stores')}>
        <Radio.Group
          options={[
            { value: 'all', label: t('fields.allStores') },
            { value: 'some', label: t('fields.someStores') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['storeScope']}>
        {({ getFieldValue }) =>
          getFieldValue('storeScope') === 'some' ? (
            <Form.Item
              name="storeIds"
              label={t('fields.selectStores')}
              rules={[{ required: true, type: 'array', min: 1, message: t('validation.storesRequired') }]}
            >
              <Select mode="multiple" options={stores.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}
