import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  DeleteOutlined,
  InboxOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { Alert, Button, Flex, Image, Popconfirm, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../../../shared/api/problem';
import { type ProductImage, uploadImage } from '../api';

interface Failure {
  name: string;
  detail: string;
}

/**
 * Product images: drag & drop upload (checked by content on the server; each failure is listed with
 * its reason), reorder by dragging or with arrows, set the main image, delete with confirmation.
 * `productId` uploads straight onto a saved product; without it images wait for the first save.
 */
export function ImagesEditor({
  productId,
  images,
  min,
  max,
  disabled,
  busy,
  errors,
  onUploaded,
  onReorder,
  onDelete,
}: {
  productId?: string;
  images: ProductImage[];
  min: number;
  max: number;
  disabled: boolean;
  busy?: boolean;
  errors: string[];
  onUploaded: (image: ProductImage) => void;
  onReorder: (ids: string[]) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useTranslation('catalog');
  const [failures, setFailures] = useState<Failure[]>([]);
  const [uploading, setUploading] = useState(0);
  const [dragged, setDragged] = useState<number | null>(null);
  const ids = images.map((i) => i.id);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    const next = [...ids];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    onReorder(next);
  };

  const countOk = images.length >= min && images.length <= max;

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type={countOk ? 'secondary' : 'danger'}>
          {t('images.count', { count: images.length, min, max })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('images.rules')}
        </Typography.Text>
      </Flex>
      {errors.map((e) => (
        <Alert key={e} type="error" showIcon title={e} style={{ marginBottom: 8 }} />
      ))}
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        {images.map((img, index) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: drag & drop is a mouse shortcut; the arrow buttons do the same by keyboard
          <div
            key={img.id}
            draggable={!disabled}
            onDragStart={() => setDragged(index)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragged !== null) move(dragged, index);
              setDragged(null);
            }}
            style={{
              width: 132,
              border: `1px solid ${index === 0 ? '#1677ff' : '#f0f0f0'}`,
              borderRadius: 8,
              padding: 6,
              background: dragged === index ? '#e6f4ff' : '#fff',
              cursor: disabled ? 'default' : 'grab',
            }}
          >
            <Image
              src={img.urls.thumb400}
              preview={{ src: img.urls.large1200 }}
              width={118}
              height={118}
              style={{ objectFit: 'cover', borderRadius: 4 }}
              alt={img.originalName ?? t('images.image', { n: index + 1 })}
            />
            <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
              {index === 0 ? (
                <Tag color="blue" style={{ margin: 0 }}>
                  {t('images.main')}
                </Tag>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {img.width}×{img.height}
                </Typography.Text>
              )}
              {!disabled && (
                <Space size={0}>
                  <Tooltip title={t('images.left')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowLeftOutlined />}
                      aria-label={t('images.left')}
                      disabled={index === 0 || busy}
                      onClick={() => move(index, index - 1)}
                    />
                  </Tooltip>
                  <Tooltip title={t('images.right')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowRightOutlined />}
                      aria-label={t('images.right')}
                      disabled={index === images.length - 1 || busy}
                      onClick={() => move(index, index + 1)}
                    />
                  </Tooltip>
                </Space>
              )}
            </Flex>
            {!disabled && (
              <Flex justify="space-between" style={{ marginTop: 2 }}>
                <Button
                  size="small"
                  type="link"
                  icon={<StarOutlined />}
                  disabled={index === 0 || busy}
                  onClick={() => move(index, 0)}
                  style={{ paddingInline: 0 }}
                >
                  {t('images.setMain')}
                </Button>
                <Popconfirm
                  title={t('images.deleteConfirm')}
                  okText={t('common:actions.delete')}
                  cancelText={t('common:actions.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => onDelete(img.id)}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('images.delete')}
                  />
                </Popconfirm>
              </Flex>
            )}
          </div>
        ))}
      </Flex>
      {!disabled && images.length < max && (
        <Upload.Dragger
          multiple
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          disabled={busy}
          customRequest={async (options) => {
            const file = options.file as File;
            setUploading((n) => n + 1);
            try {
              const image = await uploadImage(file, productId);
              onUploaded(image);
              options.onSuccess?.(image);
            } catch (error) {
              setFailures((f) => [
                ...f,
                { name: file.name, detail: errorDetail(error) ?? t('images.failed') },
              ]);
              options.onError?.(error as Error);
            } finally {
              setUploading((n) => n - 1);
            }
          }}
          beforeUpload={(file, batch) => {
            // A new drop or pick starts a new list of failures.
            if (file === batch[0]) setFailures([]);
            return true;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {uploading > 0 ? t('images.uploading', { count: uploading }) : t('images.drop')}
          </p>
          <p className="ant-upload-hint">{t('images.hint')}</p>
        </Upload.Dragger>
      )}
      {failures.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('images.failures', { count: failures.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {failures.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same file name may fail twice
                <li key={`${f.name}-${i}`}>
                  <Typography.Text strong>{f.name}</Typography.Text>: {f.detail}
                </li>
              ))}
            </ul>
          }
          closable
          onClose={() => setFailures([])}
        />
      )}
    </div>
  );
}
