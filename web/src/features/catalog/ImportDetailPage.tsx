import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Progress,
  Result,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { ErrorAlert, PageHeader, PageLoading } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import { downloadImportErrors, useImport, useSellerCategories } from './api';
import { useCategoryPath } from './components/CategoryTreeSelect';
import { IMPORT_STATUS_COLORS } from './ImportsPage';

/** One import: live progress while it runs (polled), the counts, and the file of rows with problems. */
export default function ImportDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('catalog');
  const fmt = useFormat();
  const notify = useApiMessage();
  const job = useImport(id);
  const categories = useSellerCategories();
  const categoryPath = useCategoryPath(categories.data);
  const [downloading, setDownloading] = useState<string | null>(null);

  if (job.isPending) return <PageLoading />;
  if (job.error) {
    if (job.error instanceof ApiError && job.error.status === 404)
      return (
        <Result
          status="404"
          title={t('imports.notFound')}
          extra={<Link to="/catalog/imports">{t('imports.back')}</Link>}
        />
      );
    return <ErrorAlert error={job.error} onRetry={() => job.refetch()} />;
  }
  const j = job.data;
  const running = j.status === 'queued' || j.status === 'running';
  const percent = Math.floor(j.progress * 100);

  const download = async (format: 'xlsx' | 'csv') => {
    setDownloading(format);
    try {
      await downloadImportErrors(j.id, format);
    } catch (e) {
      notify.error(e);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <div>
      <PageHeader
        back={
          <Link to="/catalog/imports">
            <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
              {t('imports.back')}
            </Button>
          </Link>
        }
        title={j.fileName}
        subtitle={
          <Space>
            <Tag color={IMPORT_STATUS_COLORS[j.status]}>{t(`imports.statuses.${j.status}`)}</Tag>
            {t(`imports.modes.${j.mode}`)}
          </Space>
        }
        extra={
          <Link to="/catalog/imports">
            <Button icon={<UploadOutlined />}>{t('imports.another')}</Button>
          </Link>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('imports.progress')}</Typography.Text>
        <Progress
          percent={percent}
          status={j.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
          aria-label={t('imports.progress')}
        />
        <Typography.Text type="secondary" role="status">
          {j.totalRows === null
            ? t('imports.reading')
            : t('imports.rowsDone', { done: fmt.number(j.doneRows), total: fmt.number(j.totalRows) })}
        </Typography.Text>
        {j.mode === 'validate' && !running && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('imports.validateOnly')} />
        )}
        {j.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('imports.fileFailed')}
            description={j.error.message}
          />
        )}
      </Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['created', 'updated', 'unchanged', 'failed'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card>
              <Statistic
                title={t(`imports.counts.${k}`)}
                value={j[k]}
                valueStyle={k === 'failed' && j[k] > 0 ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {j.errorFile && (
        <Card style={{ marginBottom: 16 }}>
          <Flex justify="space-between" align="center" wrap gap={12}>
            <div>
              <Typography.Text strong>{t('imports.errorFile')}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{t('imports.errorFileHelp')}</Typography.Text>
              </div>
            </div>
            <Space>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={downloading === 'xlsx'}
                onClick={() => void download('xlsx')}
              >
                {t('imports.errorsXlsx')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                aria-label={t('imports.errorsCsvFull')}
                loading={downloading === 'csv'}
                onClick={() => void download('csv')}
              >
                {t('imports.errorsCsv')}
              </Button>
            </Space>
          </Flex>
        </Card>
      )}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('imports.category')}>{categoryPath(j.categoryId)}</Descriptions.Item>
          <Descriptions.Item label={t('imports.format')}>{j.format.toUpperCase()}</Descriptions.Item>
          {j.format === 'csv' && (
            <Descriptions.Item label={t('imports.encoding')}>{j.encoding ?? '—'}</Descriptions.Item>
          )}
          {j.format === 'csv' && (
            <Descriptions.Item label={t('imports.delimiter')}>
              {j.delimiter ? t(`imports.delimiters.${j.delimiter}`, { defaultValue: j.delimiter }) : '—'}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('imports.withImages')}>
            {j.withImages ? t('imports.yes') : t('imports.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('imports.startedAt')}>
            {fmt.dateTime(j.startedAt ?? j.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('imports.finishedAt')}>{fmt.dateTime(j.finishedAt)}</Descriptions.Item>
        </Descriptions>
        {!running && j.created + j.updated > 0 && j.mode !== 'validate' && (
          <Link to="/catalog/products?sort=updated:desc">
            <Button style={{ marginTop: 12 }}>{t('imports.seeProducts')}</Button>
          </Link>
        )}
      </Card>
    </div>
  );
}
