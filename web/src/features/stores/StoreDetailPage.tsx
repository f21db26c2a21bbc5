import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Divider, Form, Input, Result, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions, useSession } from '../../shared/api/session';
import { ConfirmButton, ErrorAlert, PageHeader, PageLoading, StatusTag } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { countryOptions, currencyOptions, LANGUAGES } from '../../shared/lib/options';
import {
  type Address,
  type Store,
  type StoreInput,
  useArchiveStore,
  useCreateStore,
  useRestoreStore,
  useStore,
  useUpdateStore,
} from './api';
import { AddressFields } from './components/AddressFields';

interface FormValues {
  name: string;
  logoUrl?: string;
  description?: string;
  marketCountry: string;
  currency: string;
  defaultLanguage: string;
  hasReturnAddress: boolean;
  returnAddress?: Address;
  hasShipFromAddress: boolean;
  shipFromAddress?: Address;
}

function cleanAddress(a: Address | undefined): Address | null {
  if (!a) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) {
    const value = typeof v === 'string' ? v.trim() : v;
    if (value) out[k] = value;
  }
  return out as unknown as Address;
}

function toInput(v: FormValues): StoreInput {
  return {
    name: v.name.trim(),
    logoUrl: v.logoUrl?.trim() || null,
    description: v.description?.trim() || null,
    marketCountry: v.marketCountry,
    currency: v.currency,
    defaultLanguage: v.defaultLanguage,
    returnAddress: v.hasReturnAddress ? cleanAddress(v.returnAddress) : null,
    shipFromAddress: v.hasShipFromAddress ? cleanAddress(v.shipFromAddress) : null,
  };
}

function StoreForm({ store, readOnly }: { store?: Store; readOnly: boolean }) {
  const { t, i18n } = useTranslation('stores');
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const notify = useApiMessage();
  const { data: session } = useSession();
  const create = useCreateStore();
  const update = useUpdateStore(store?.id ?? '');
  const mutation = store ? update : create;

  const initialValues: Partial<FormValues> = store
    ? {
        name: store.name,
        logoUrl: store.logoUrl ?? '',
        description: store.description ?? '',
        marketCountry: store.marketCountry,
        currency: store.currency,
        defaultLanguage: store.defaultLanguage,
        hasReturnAddress: Boolean(store.returnAddress),
        returnAddress: store.returnAddress ?? undefined,
        hasShipFromAddress: Boolean(store.shipFromAddress),
        shipFromAddress: store.shipFromAddress ?? undefined,
      }
    : {
        marketCountry: 'CN',
        currency: session?.seller?.defaultCurrency ?? session?.stores[0]?.currency ?? 'CNY',
        defaultLanguage: i18n.language,
        hasReturnAddress: false,
        hasShipFromAddress: false,
      };

  const onFinish = async (values: FormValues) => {
    try {
      if (store) {
        await update.mutateAsync(toInput(values));
        notify.success();
      } else {
        const created = await create.mutateAsync(toInput(values));
        notify.success(t('created'));
        navigate(created?.id ? `/stores/${created.id}` : '/stores', { replace: true });
      }
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Card>
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<FormValues>) => {
          // A newly enabled address starts in the store's market country.
          for (const [flag, prefix] of [
            ['hasReturnAddress', 'returnAddress'],
            ['hasShipFromAddress', 'shipFromAddress'],
          ] as const) {
            if (changed[flag] && !form.getFieldValue([prefix, 'country'])) {
              form.setFieldValue([prefix, 'country'], form.getFieldValue('marketCountry'));
            }
          }
        }}
        disabled={readOnly}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.nameRequired') },
                { min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="logoUrl"
              label={t('fields.logoUrl')}
              rules={[{ type: 'url', message: t('validation.url') }]}
            >
              <Input placeholder="https://" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('fields.description')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} showCount maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="marketCountry" label={t('fields.marketCountry')} rules={[{ required: true }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={countryOptions(i18n.language)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="currency" label={t('fields.currency')} rules={[{ required: true }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={currencyOptions(i18n.language)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="defaultLanguage"
              label={t('fields.defaultLanguage')}
              rules={[{ required: true }]}
            >
              <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('address.returnTitle')}</Divider>
        <Form.Item name="hasReturnAddress" valuePropName="checked">
          <Checkbox>{t('address.setReturn')}</Checkbox>
        </Form.Item>
        <Form.Item noStyle dependencies={['hasReturnAddress']}>
          {({ getFieldValue }) =>
            getFieldValue('hasReturnAddress') ? <AddressFields prefix="returnAddress" /> : null
          }
        </Form.Item>
        <Divider titlePlacement="start">{t('address.shipFromTitle')}</Divider>
        <Form.Item name="hasShipFromAddress" valuePropName="checked">
          <Checkbox>{t('address.setShipFrom')}</Checkbox>
        </Form.Item>
        <Form.Item noStyle dependencies={['hasShipFromAddress']}>
          {({ getFieldValue }) =>
            getFieldValue('hasShipFromAddress') ? <AddressFields prefix="shipFromAddress" /> : null
          }
        </Form.Item>
        {!readOnly && (
          <Space>
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {store ? t('common:actions.save') : t('create')}
            </Button>
            <Button onClick={() => navigate('/stores')}>{t('common:actions.cancel')}</Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}

function ExistingStore({ id }: { id: string }) {
  const { t } = useTranslation('stores');
  const { can } = usePermissions();
  const canManage = can('stores:manage');
  const store = useStore(id);
  const archive = useArchiveStore();
  const restore = useRestoreStore();
  const notify = useApiMessage();

  if (store.isPending) return <PageLoading />;
  if (store.error instanceof ApiError && store.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('notFound')}
        extra={
          <Link to="/stores">
            <Button>{t('backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (store.error || !store.data) return <ErrorAlert error={store.error} onRetry={() => store.refetch()} />;
  const s = store.data;
  const archived = s.status === 'archived';

  return (
    <>
      <PageHeader
        back={<BackLink />}
        title={
          <Space>
            {s.name}
            <StatusTag status={s.status} />
          </Space>
        }
        extra={
          canManage &&
          (archived ? (
            <ConfirmButton
              danger={false}
              title={t('restoreConfirm', { name: s.name })}
              loading={restore.isPending}
              onConfirm={() =>
                restore.mutate(s.id, {
                  onSuccess: () => notify.success(t('restored')),
                  onError: notify.error,
                })
              }
            >
              {t('restore')}
            </ConfirmButton>
          ) : (
            <ConfirmButton
              title={t('archiveConfirm', { name: s.name })}
              description={t('archiveHint')}
              loading={archive.isPending}
              onConfirm={() =>
                archive.mutate(s.id, {
                  onSuccess: () => notify.success(t('archived')),
                  onError: notify.error,
                })
              }
            >
              {t('archive')}
            </ConfirmButton>
          ))
        }
      />
      <StoreForm key={`${s.id}-${s.status}`} store={s} readOnly={!canManage || archived} />
    </>
  );
}

function BackLink() {
  const { t } = useTranslation('stores');
  return (
    <Link to="/stores" style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {t('backToList')}
    </Link>
  );
}

export default function StoreDetailPage() {
  const { t } = useTranslation('stores');
  const { id = 'new' } = useParams();
  const { can, allStores } = usePermissions();
  if (id === 'new') {
    if (!can('stores:manage') || !allStores)
      return <Result status="403" title={t('common:forbidden.title')} />;
    return (
      <div>
        <PageHeader back={<BackLink />} title={t('createTitle')} subtitle={t('createSubtitle')} />
        <StoreForm readOnly={false} />
      </div>
    );
  }
  return (
    <div>
      <ExistingStore id={id} />
    </div>
  );
}
