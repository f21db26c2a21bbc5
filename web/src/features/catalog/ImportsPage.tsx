import { DownloadOutlined, FileExcelOutlined, FileZipOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorDetail } from '../../shared/api/problem';
import { usePermissions, useSession } from '../../shared/api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import {
  downloadTemplate,
  IMPORT_DELIMITERS,
  IMPORT_ENCODINGS,
  IMPORT_MODES,
  type ImportJob,
  type ImportOptions,
  useImports,
  useSellerCategories,
  useStartImport,
} from './api';
import { CategoryTreeSelect, useCategoryPath } from './components/CategoryTreeSelect';

export const IMPORT_STATUS_COLORS: Record<ImportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'green',
  failed: 'red',
};

interface Values {
  categoryId?: string;
  storeId?: string;
  mode: ImportOptions['mode'];
  encoding: ImportOptions['encoding'];
  delimiter: ImportOptions['delimiter'];
}

/** 批量导入 / Массовая загрузка: template, upload (with an image ZIP), options, and past imports. */
export default function ImportsPage() {
  const { t } = useTranslation('catalog');
  const fmt = useFormat();
  const navigate = useNavigate();
  const notify = useApiMessage();
  const { can } = usePermissions();
  const canWrite = can('catalog:write');
  const { data: session } = useSession();
  const categories = useSellerCategories();
  const categoryPath = useCategoryPath(categories.data);
  const imports = useImports();
  const start = useStartImport();
  const [form] = Form.useForm<Values>();
  const categoryId = Form.useWatch('categoryId', form);
  const [file, setFile] = useState<File | null>(null);
  const [images, setImages] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const rows = imports.data?.pages.flatMap((p) => p.items) ?? [];
  const isCsv = file ? /\.(csv|txt|tsv)$/i.test(file.name) : false;

  const template = async (format: 'xlsx' | 'csv') => {
    setDownloading(format);
    try {
      await downloadTemplate(format, categoryId);
    } catch (e) {
      notify.error(e);
    } finally {
      setDownloading(null);
    }
  };

  const onFinish = (v: Values) => {
    if (!file) {
      setError(new Error(t('imports.fileRequired')));
      return;
    }
    setError(null);
    start.mutate(
      {
        file,
        images,
        options: {
          mode: v.mode,
          categoryId: v.categoryId,
          storeId: v.storeId,
          encoding: v.encoding,
          delimiter: v.delimiter,
        },
      },
      {
        onSuccess: (job) => navigate(`/catalog/imports/${job.id}`),
        onError: setError,
      },
    );
  };

  return (
    <div>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      {canWrite && (
        <Card style={{ marginBottom: 16 }}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ mode: 'valid_rows', encoding: 'auto', delimiter: 'auto' }}
          >
            <Row gutter={24}>
              <Col xs={24} lg={12}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('imports.step1')}
                </Typography.Title>
                <Form.Item name="categoryId" label={t('imports.category')} extra={t('imports.categoryHelp')}>
                  <CategoryTreeSelect
                    items={categories.data}
                    leafOnly
                    ariaLabel={t('imports.category')}
                    placeholder={t('imports.categoryPlaceholder')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Space wrap style={{ marginBottom: 16 }}>
                  <Button
                    icon={<FileExcelOutlined />}
                    loading={downloading === 'xlsx'}
                    onClick={() => void template('xlsx')}
                  >
                    {t('imports.templateXlsx')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    loading={downloading === 'csv'}
                    onClick={() => void template('csv')}
                  >
                    {t('imports.templateCsv')}
                  </Button>
                </Space>
                <Form.Item name="storeId" label={t('imports.store')} extra={t('imports.storeHelp')}>
                  <Select
                    allowClear
                    placeholder={t('imports.storeDefault')}
                    options={(session?.stores ?? [])
                      .filter((s) => s.status === 'active')
                      .map((s) => ({ value: s.id, label: `${s.name} · ${s.currency}` }))}
                  />
                </Form.Item>
                <Form.Item name="mode" label={t('imports.mode')}>
                  <Radio.Group>
                    <Space direction="vertical">
                      {IMPORT_MODES.map((m) => (
                        <Radio key={m} value={m}>
                          <Typography.Text strong>{t(`imports.modes.${m}`)}</Typography.Text>
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t(`imports.modesHelp.${m}`)}
                            </Typography.Text>
                          </div>
                        </Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('imports.step2')}
                </Typography.Title>
                <Upload.Dragger
                  height={170}
                  accept=".xlsx,.csv,.txt,.tsv"
                  maxCount={1}
                  beforeUpload={(f) => {
                    setFile(f);
                    setError(null);
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                  fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('imports.drop')}</p>
                  <p className="ant-upload-hint">{t('imports.dropHint')}</p>
                </Upload.Dragger>
                <div style={{ marginTop: 12 }}>
                  <Upload
                    accept=".zip,application/zip"
                    maxCount={1}
                    beforeUpload={(f) => {
                      setImages(f);
                      return false;
                    }}
                    onRemove={() => setImages(null)}
                    fileList={
                      images ? [{ uid: 'zip', name: images.name, status: 'done', size: images.size }] : []
                    }
                  >
                    <Button icon={<FileZipOutlined />}>{t('imports.imagesZip')}</Button>
                  </Upload>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('imports.imagesHelp')}
                  </Typography.Text>
                </div>
                <Row gutter={12} style={{ marginTop: 16 }}>
                  <Col span={12}>
                    <Form.Item
                      name="encoding"
                      label={t('imports.encoding')}
                      extra={isCsv || !file ? undefined : t('imports.csvOnly')}
                    >
                      <Select
                        options={IMPORT_ENCODINGS.map((e) => ({
                          value: e,
                          label: t(`imports.encodings.${e}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="delimiter" label={t('imports.delimiter')}>
                      <Select
                        options={IMPORT_DELIMITERS.map((d) => ({
                          value: d,
                          label: t(`imports.delimiters.${d}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                {error !== null && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={errorDetail(error)}
                    description={
                      error && typeof error === 'object' && 'problem' in error
                        ? (
                            (error as { problem: { errors?: { path: string; message: string }[] } }).problem
                              .errors ?? []
                          ).map((e) => <div key={`${e.path}-${e.message}`}>{e.message}</div>)
                        : undefined
                    }
                  />
                )}
                <Button type="primary" htmlType="submit" loading={start.isPending} disabled={!file} block>
                  {t('imports.start')}
                </Button>
              </Col>
            </Row>
          </Form>
        </Card>
      )}
      <Card title={t('imports.history')}>
        <ErrorAlert error={imports.error} onRetry={() => imports.refetch()} />
        <Table<ImportJob>
          rowKey="id"
          loading={imports.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState description={t('imports.empty')} /> }}
          columns={[
            {
              title: t('imports.file'),
              key: 'file',
              render: (_, j) => (
                <div>
                  <Link to={`/catalog/imports/${j.id}`}>{j.fileName}</Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {categoryPath(j.categoryId)}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('imports.mode'),
              dataIndex: 'mode',
              render: (m: ImportJob['mode']) => t(`imports.modes.${m}`),
            },
            {
              title: t('imports.status'),
              key: 'status',
              render: (_, j) =>
                j.status === 'running' ? (
                  <Progress percent={Math.floor(j.progress * 100)} size="small" style={{ width: 120 }} />
                ) : (
                  <Tag color={IMPORT_STATUS_COLORS[j.status]}>{t(`imports.statuses.${j.status}`)}</Tag>
                ),
            },
            {
              title: t('imports.result'),
              key: 'result',
              render: (_, j) => (
                <Space size={4} wrap>
                  <Tag color="green">{t('imports.createdN', { count: j.created })}</Tag>
                  <Tag color="blue">{t('imports.updatedN', { count: j.updated })}</Tag>
                  {j.failed > 0 && <Tag color="red">{t('imports.failedN', { count: j.failed })}</Tag>}
                </Space>
              ),
            },
            { title: t('imports.startedAt'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
          ]}
        />
        {imports.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => imports.fetchNextPage()} loading={imports.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </div>
  );
}
