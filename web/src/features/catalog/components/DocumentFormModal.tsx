import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors, errorDetail } from '../../../shared/api/problem';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import {
  type ComplianceDocument,
  catalogKeys,
  type DocumentInput,
  textIn,
  uploadDocumentFile,
  useDocumentTypes,
  useSaveDocument,
} from '../api';

interface Values {
  documentTypeId: string;
  number: string;
  issuer?: string;
  issuedOn?: string;
  expiresOn?: string;
}

/** Register or edit a compliance document, with its scan (PDF, JPEG or PNG). */
export function DocumentFormModal({
  open,
  document,
  presetTypeId,
  onClose,
  onSaved,
}: {
  open: boolean;
  document: ComplianceDocument | null;
  /** For "add the missing document" shortcuts: the type is chosen already. */
  presetTypeId?: string;
  onClose: () => void;
  onSaved?: (doc: ComplianceDocument) => void;
}) {
  const { t, i18n } = useTranslation('catalog');
  const [form] = Form.useForm<Values>();
  const types = useDocumentTypes();
  const save = useSaveDocument();
  const qc = useQueryClient();
  const notify = useApiMessage();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const typeId = Form.useWatch('documentTypeId', form) ?? document?.documentType.id;
  const type = types.data?.find((d) => d.id === typeId);

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      document
        ? {
            documentTypeId: document.documentType.id,
            number: document.number,
            issuer: document.issuer ?? undefined,
            issuedOn: document.issuedOn ?? undefined,
            expiresOn: document.expiresOn ?? undefined,
          }
        : { documentTypeId: presetTypeId },
    );
  }, [open, document, presetTypeId, form]);

  const onFinish = (v: Values) => {
    setError(null);
    const body: DocumentInput = {
      ...(document ? {} : { documentTypeId: v.documentTypeId }),
      number: v.number,
      issuer: v.issuer?.trim() || null,
      issuedOn: v.issuedOn || null,
      expiresOn: v.expiresOn || null,
    };
    save.mutate(
      { id: document?.id, body },
      {
        onSuccess: async (saved) => {
          let result = saved;
          if (file) {
            setUploading(true);
            try {
              result = await uploadDocumentFile(saved.id, file);
              await qc.invalidateQueries({ queryKey: catalogKeys.all });
            } catch (e) {
              setUploading(false);
              setError(e);
              notify.error(e);
              onSaved?.(saved);
              return;
            }
            setUploading(false);
          }
          notify.success(document ? t('documents.saved') : t('documents.created'));
          onSaved?.(result);
          onClose();
        },
        onError: (e) => {
          if (!applyFormErrors(form, e)) setError(e);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={document ? t('documents.editTitle') : t('documents.createTitle')}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending || uploading }}
      destroyOnHidden
      width={560}
    >
      {error !== null && (
        <Alert type="error" showIcon title={errorDetail(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="documentTypeId"
          label={t('documents.type')}
          rules={[{ required: true, message: t('documents.typeRequired') }]}
        >
          <Select
            disabled={Boolean(document)}
            showSearch
            optionFilterProp="label"
            loading={types.isPending}
            options={(types.data ?? []).map((d) => ({
              value: d.id,
              label: textIn(d.names, i18n.language) || d.key,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="number"
          label={t('documents.number')}
          rules={[{ required: true, whitespace: true, message: t('documents.numberRequired') }]}
          extra={
            type?.numberExample ? (
              <span>
                {t('documents.numberExample')}: <Typography.Text code>{type.numberExample}</Typography.Text>
              </span>
            ) : undefined
          }
        >
          <Input maxLength={100} placeholder={type?.numberExample ?? undefined} />
        </Form.Item>
        <Form.Item name="issuer" label={t('documents.issuer')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('documents.issuedOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('documents.expiresOn')}
          rules={type?.expires ? [{ required: true, message: t('documents.expiresRequired') }] : []}
          extra={type && !type.expires ? t('documents.noExpiry') : undefined}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t('documents.scan')} extra={t('documents.scanHelp')}>
          <Upload
            accept="application/pdf,image/jpeg,image/png"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'scan', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>
              {document?.file ? t('documents.replaceScan') : t('documents.chooseScan')}
            </Button>
          </Upload>
          {document?.file && !file && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('documents.currentScan', { name: document.file.name })}
            </Typography.Text>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
